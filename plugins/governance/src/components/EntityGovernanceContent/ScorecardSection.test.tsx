import { act, screen, waitFor, within } from '@testing-library/react';
import { annotatedEntity } from '../../__testUtils__/entities';
import { mockGovernanceApi } from '../../__testUtils__/mockGovernanceApi';
import { mockPermissionApi } from '../../__testUtils__/permissions';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { waivedCriticalSummary } from '../../__testUtils__/scorecards';
import { EntityGovernanceContent } from './EntityGovernanceContent';

// usePermission caches each decision for the whole test file, so this file only holds tests
// for users without the waiver permission; the allowed ones are in
// EntityGovernanceContent.test.tsx.
describe('ScorecardSection without the waiver permission', () => {
  it('hides waiver controls from users without the permission', async () => {
    const permissionApi = mockPermissionApi('DENY');
    await renderForEntity(<EntityGovernanceContent />, {
      entity: annotatedEntity,
      api: mockGovernanceApi(async () => waivedCriticalSummary),
      permissionApi,
    });

    const table = within(
      await screen.findByRole('table', { name: 'Scorecard' }),
    );
    await waitFor(() =>
      expect(permissionApi.authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'governance.waiver.create',
          }),
        }),
      ),
    );
    // Let the refusal arrive, so the test does not pass merely because the decision is pending.
    await act(async () => {});

    expect(table.queryByRole('button', { name: /^Waive / })).toBeNull();
    expect(table.queryByRole('button', { name: /^Revoke waiver/ })).toBeNull();
    // Everyone can read who waived a check, why and until when.
    expect(
      within(screen.getByTestId('governance-check-p95-latency')).getByTestId(
        'governance-waiver',
      ),
    ).toHaveTextContent(
      'Waived until 2026-01-31 by amir.khan: Latency work lands with the Q1 capacity project',
    );
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  });
});
