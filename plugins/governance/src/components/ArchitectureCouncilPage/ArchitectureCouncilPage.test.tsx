import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rollupByOwner } from '../../__testUtils__/compliance';
import { mockViewApi } from '../../__testUtils__/mockGovernanceApi';
import { renderInGovernanceApp } from '../../__testUtils__/renderInGovernanceApp';
import { designReview, reviewPage } from '../../__testUtils__/reviews';
import { ArchitectureCouncilPage } from './ArchitectureCouncilPage';

describe('ArchitectureCouncilPage', () => {
  it('opens on the Review queue tab under the Architecture Council header, with Compliance next', async () => {
    const api = mockViewApi({
      getComplianceRollup: async () => rollupByOwner,
      listReviews: async query => reviewPage([designReview], query),
    });
    await renderInGovernanceApp(<ArchitectureCouncilPage />, { api });

    expect(
      screen.getByRole('heading', { name: 'Architecture Council' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Review queue',
      'Compliance',
      'Standards',
      'Campaigns',
      'Approved stack',
      'ADRs',
      'Retrospectives',
      'Catalog annotations',
    ]);
    expect(screen.getByRole('tab', { name: 'Review queue' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('table', { name: 'Review queue' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: designReview.title }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Compliance' }));
    expect(
      await screen.findByRole('table', { name: 'Compliance by owner' }),
    ).toBeInTheDocument();
    expect(api.getComplianceRollup).toHaveBeenCalledWith('owner', {});
  });
});
