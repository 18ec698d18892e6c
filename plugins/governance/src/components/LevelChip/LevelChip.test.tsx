import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { LevelChip } from './LevelChip';
import { describeNextLevel, levelByName } from './levels';
import { defaultLevels } from '../../__testUtils__/levels';

describe('LevelChip', () => {
  it('names the level in words, so colour is never the only sign', async () => {
    await renderInTestApp(
      <>
        <LevelChip level={{ name: 'gold', title: 'Gold' }} />
        <LevelChip level={{ name: 'platinum', title: 'Platinum' }} />
        <LevelChip level={null} />
      </>,
    );
    const [gold, platinum, none] = screen.getAllByTestId('governance-level');
    expect(gold).toHaveTextContent('Gold');
    expect(gold).toHaveAttribute('data-level', 'gold');
    expect(gold).toHaveAttribute('title', 'Gold (gold)');
    // A level the organisation added has no metal, but still its title.
    expect(platinum).toHaveTextContent('Platinum');
    expect(none).toHaveTextContent('no level');
    expect(none).toHaveAttribute('data-level', '');
  });
});

describe('levelByName', () => {
  it('finds the configured title, keeps an unknown name, and gives no level for none', () => {
    expect(levelByName(defaultLevels, 'silver')).toEqual({
      name: 'silver',
      title: 'Silver',
    });
    expect(levelByName(defaultLevels, 'platinum')).toEqual({
      name: 'platinum',
      title: 'platinum',
    });
    expect(levelByName(defaultLevels, null)).toBeNull();
  });
});

describe('describeNextLevel', () => {
  const results = [
    { checkId: 'coverage', title: 'Test coverage' },
    { checkId: 'security-review', title: 'Security review' },
  ];

  it('counts the checks to the next level and names them by their titles', () => {
    expect(
      describeNextLevel(
        { title: 'Silver', failingChecks: ['coverage', 'security-review'] },
        results,
      ),
    ).toBe('2 checks to Silver: Test coverage, Security review');
    expect(
      describeNextLevel(
        { title: 'Gold', failingChecks: ['coverage'] },
        results,
      ),
    ).toBe('1 check to Gold: Test coverage');
  });

  it('names a check missing from the scorecard by its id', () => {
    expect(
      describeNextLevel({ title: 'Gold', failingChecks: ['p95-latency'] }, []),
    ).toBe('1 check to Gold: p95-latency');
  });
});
