import { screen } from '@testing-library/react';
import { bronzeCriticalSummary, goldLevel } from '../../__testUtils__/levels';
import { renderWithSummary } from '../../__testUtils__/renderForEntity';
import { criticalSummary } from '../../__testUtils__/scorecards';
import { EntityGovernanceCard } from './EntityGovernanceCard';

describe('EntityGovernanceCard maturity level', () => {
  it('shows the level badge, and the required level when the entity is below it', async () => {
    await renderWithSummary(<EntityGovernanceCard />, bronzeCriticalSummary);

    const level = await screen.findByTestId('governance-card-level');
    expect(level).toHaveTextContent('Bronze');
    expect(level).toHaveTextContent('below the required Gold');
  });

  it('shows only the badge for an entity that meets its tier', async () => {
    await renderWithSummary(<EntityGovernanceCard />, {
      ...criticalSummary,
      level: goldLevel,
    });

    const level = await screen.findByTestId('governance-card-level');
    expect(level).toHaveTextContent(/^Gold$/);
  });

  it('says an entity without a valid tier has no level', async () => {
    await renderWithSummary(<EntityGovernanceCard />, {
      ...criticalSummary,
      tier: undefined,
      scorecard: undefined,
    });

    expect(
      await screen.findByText('No level without a valid tier'),
    ).toBeInTheDocument();
  });
});
