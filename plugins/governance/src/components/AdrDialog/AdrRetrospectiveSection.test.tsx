import { governanceRetrospectiveCreatePermission } from '@catalog-governance/backstage-plugin-governance-common';
import { act, screen, waitFor } from '@testing-library/react';
import { paymentsAdr } from '../../__testUtils__/adrs';
import { annotatedEntity } from '../../__testUtils__/entities';
import { mockAdrApi } from '../../__testUtils__/mockGovernanceApi';
import { mockPermissionApi } from '../../__testUtils__/permissions';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { AdrRetrospectiveSection } from './AdrRetrospectiveSection';

describe('AdrRetrospectiveSection', () => {
  // usePermission caches the decision for the whole file, so this file only tests a refusal.
  it('shows the retrospective but no way to record one to users without the permission', async () => {
    const permissionApi = mockPermissionApi('DENY');
    await renderForEntity(
      <AdrRetrospectiveSection adr={paymentsAdr(3)} onRecorded={jest.fn()} />,
      { entity: annotatedEntity, api: mockAdrApi({}), permissionApi },
    );

    expect(
      await screen.findByTestId('governance-adr-retrospective'),
    ).toHaveTextContent('Retrospective overdue since 2025-10-14');
    await waitFor(() =>
      expect(permissionApi.authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: governanceRetrospectiveCreatePermission,
        }),
      ),
    );
    // Let the decision settle before checking what it hid.
    await act(async () => {});
    expect(
      screen.queryByRole('button', { name: 'Record retrospective' }),
    ).toBeNull();
  });
});
