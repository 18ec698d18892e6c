import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { mockComplianceApi, rollupByOwner } from '../../__testUtils__/fixtures';
import { governanceApiRef } from '../../api';
import { ArchitectureCouncilPage } from './ArchitectureCouncilPage';

describe('ArchitectureCouncilPage', () => {
  it('opens on the Compliance tab under the Architecture Council header', async () => {
    const api = mockComplianceApi({
      getComplianceRollup: async () => rollupByOwner,
    });
    await renderInTestApp(
      <TestApiProvider apis={[[governanceApiRef, api]]}>
        <ArchitectureCouncilPage />
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    expect(
      screen.getByRole('heading', { name: 'Architecture Council' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Compliance' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('table', { name: 'Compliance by owner' }),
    ).toBeInTheDocument();
    expect(api.getComplianceRollup).toHaveBeenCalledWith('owner', {});
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Compliance',
      'ADRs',
      'Retrospectives',
    ]);
  });
});
