import { screen } from '@testing-library/react';
import { bronzeCriticalSummary, goldLevel } from '../../__testUtils__/levels';
import { renderWithSummary } from '../../__testUtils__/renderForEntity';
import { criticalSummary } from '../../__testUtils__/scorecards';
import { EntityGovernanceContent } from './EntityGovernanceContent';

describe('EntityGovernanceContent maturity level', () => {
  it('shows the level, the level the tier requires and the checks to the next one', async () => {
    await renderWithSummary(<EntityGovernanceContent />, bronzeCriticalSummary);

    const current = await screen.findByTestId('governance-level-current');
    expect(current).toHaveTextContent('Bronze');
    expect(screen.getByTestId('governance-level-required')).toHaveTextContent(
      'The critical tier requires Gold',
    );
    // Titles as the scorecard shows them, in scorecard order.
    expect(screen.getByTestId('governance-level-next')).toHaveTextContent(
      '2 checks to Silver: Security review, Test coverage',
    );
  });

  it('warns when the entity is below the level its tier requires', async () => {
    await renderWithSummary(<EntityGovernanceContent />, bronzeCriticalSummary);

    const warning = await screen.findByTestId('governance-level-below');
    expect(warning).toHaveTextContent(
      'Below the required level: this critical entity is at Bronze and must reach Gold.',
    );
    expect(warning).toHaveClass('MuiAlert-standardWarning');
  });

  it('says an entity at the top level has no next step, without a warning', async () => {
    await renderWithSummary(<EntityGovernanceContent />, {
      ...criticalSummary,
      level: goldLevel,
    });

    expect(
      await screen.findByTestId('governance-level-next'),
    ).toHaveTextContent('The highest level: every level check passes.');
    expect(screen.queryByTestId('governance-level-below')).toBeNull();
  });

  it('shows an entity that reaches no level as such, below what its tier requires', async () => {
    await renderWithSummary(<EntityGovernanceContent />, {
      ...criticalSummary,
      level: {
        ...bronzeCriticalSummary.level!,
        current: null,
        next: { name: 'bronze', title: 'Bronze', failingChecks: ['coverage'] },
      },
    });

    expect(
      await screen.findByTestId('governance-level-current'),
    ).toHaveTextContent('no level');
    expect(screen.getByTestId('governance-level-below')).toHaveTextContent(
      'is at no level and must reach Gold',
    );
    expect(screen.getByTestId('governance-level-next')).toHaveTextContent(
      '1 check to Bronze: Test coverage',
    );
  });

  it('explains that an entity without a valid tier has no level', async () => {
    await renderWithSummary(<EntityGovernanceContent />, {
      ...criticalSummary,
      tier: undefined,
      scorecard: undefined,
      level: undefined,
    });

    expect(await screen.findByTestId('governance-no-level')).toHaveTextContent(
      'Levels come with a tier. Set governance/tier',
    );
    expect(screen.queryByTestId('governance-level')).toBeNull();
  });
});
