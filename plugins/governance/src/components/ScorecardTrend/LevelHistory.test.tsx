import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { defaultLevels } from '../../__testUtils__/levels';
import { LevelHistory, levelChanges } from './LevelHistory';

describe('LevelHistory', () => {
  it('lists the levels the entity went through and the day each began', async () => {
    await renderInTestApp(
      <LevelHistory
        levels={defaultLevels}
        points={[
          { date: '2026-11-03', passing: 3, total: 5, level: 'bronze' },
          // Before levels existed: neither a level nor a change.
          { date: '2026-11-01', passing: 2, total: 5 },
          { date: '2026-11-02', passing: 2, total: 5, level: null },
          { date: '2026-11-04', passing: 3, total: 5, level: 'bronze' },
          { date: '2026-11-06', passing: 4, total: 5, level: 'silver' },
        ]}
      />,
    );

    expect(
      screen.getAllByTestId('governance-level-change').map(c => c.textContent),
    ).toEqual([
      'no levelsince 2026-11-02',
      '→Bronzesince 2026-11-03',
      '→Silversince 2026-11-06',
    ]);
  });

  it('shows nothing when the trend carries no levels', async () => {
    await renderInTestApp(
      <LevelHistory
        levels={defaultLevels}
        points={[{ date: '2026-11-01', passing: 2, total: 5 }]}
      />,
    );
    expect(screen.queryByTestId('governance-level-history')).toBeNull();
  });

  it('keeps the last five changes of a long history', () => {
    const points = Array.from({ length: 8 }, (_, i) => ({
      date: `2026-11-1${i}`,
      passing: i,
      total: 8,
      level: i % 2 === 0 ? 'bronze' : 'silver',
    }));
    const changes = levelChanges(points);
    expect(changes).toHaveLength(5);
    expect(changes.at(-1)).toEqual({ level: 'silver', since: '2026-11-17' });
  });
});
