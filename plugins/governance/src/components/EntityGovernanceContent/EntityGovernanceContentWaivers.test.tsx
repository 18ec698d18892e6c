import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { utcDayFromNow } from '../../__testUtils__/days';
import { annotatedEntity } from '../../__testUtils__/entities';
import { mockGovernanceApi } from '../../__testUtils__/mockGovernanceApi';
import { mockPermissionApi } from '../../__testUtils__/permissions';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { backendError } from '../../__testUtils__/responseErrors';
import {
  criticalSummary,
  p95LatencyWaiver,
  waivedCriticalSummary,
} from '../../__testUtils__/scorecards';
import { checkRow, expectCheckRow } from '../../__testUtils__/scorecardRows';
import { GovernanceApi } from '../../api';
import { EntityGovernanceContent } from './EntityGovernanceContent';

describe('EntityGovernanceContent waivers', () => {
  // usePermission caches the decision for the whole file, so every test here is allowed;
  // the refusal is tested in ScorecardSection.test.tsx.
  async function renderTab(api: GovernanceApi) {
    await renderForEntity(<EntityGovernanceContent />, {
      entity: annotatedEntity,
      api,
      permissionApi: mockPermissionApi('ALLOW'),
    });
  }

  it('grants a waiver with a reason and an expiry date', async () => {
    let stored = criticalSummary;
    const api = mockGovernanceApi(async () => stored, undefined, undefined, {
      createWaiver: async () => {
        stored = waivedCriticalSummary;
        return p95LatencyWaiver;
      },
    });
    await renderTab(api);

    // Failing, warning and unknown checks can be waived; passing and waived ones cannot.
    for (const [checkId, title] of [
      ['p95-latency', 'p95 latency'],
      ['security-review', 'Security review'],
      ['coverage', 'Test coverage'],
    ]) {
      expect(
        await checkRow(checkId).findByRole('button', {
          name: `Waive ${title}`,
        }),
      ).toBeEnabled();
    }
    expect(checkRow('availability').queryByRole('button')).toBeNull();
    expect(checkRow('testing-load').queryByRole('button')).toBeNull();

    await userEvent.click(
      checkRow('p95-latency').getByRole('button', {
        name: 'Waive p95 latency',
      }),
    );
    const dialog = within(
      screen.getByRole('dialog', { name: 'Waive p95 latency' }),
    );
    const day = utcDayFromNow(90);
    await userEvent.click(dialog.getByRole('textbox', { name: /^Reason/ }));
    await userEvent.paste(p95LatencyWaiver.reason);
    fireEvent.change(dialog.getByLabelText(/^Expires on/), {
      target: { value: day },
    });
    await userEvent.click(dialog.getByRole('button', { name: 'Grant waiver' }));

    expect(api.createWaiver).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      checkId: 'p95-latency',
      reason: p95LatencyWaiver.reason,
      expiresAt: `${day}T23:59:59.999Z`,
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    // The summary reloads and the scorecard shows the check as waived.
    expect(
      await checkRow('p95-latency').findByTestId('governance-waiver'),
    ).toHaveTextContent(
      'Waived until 2026-01-31 by amir.khan: Latency work lands with the Q1 capacity project',
    );
    expect(api.getEntitySummary).toHaveBeenCalledTimes(2);
    expect(
      checkRow('p95-latency').getByTestId('governance-check-state'),
    ).toHaveAttribute('data-state', 'waived');
    expect(
      checkRow('p95-latency').queryByRole('button', {
        name: 'Waive p95 latency',
      }),
    ).toBeNull();
  });

  it('shows who waived a check, why and until when, and revokes it', async () => {
    let stored = waivedCriticalSummary;
    const api = mockGovernanceApi(async () => stored, undefined, undefined, {
      revokeWaiver: async () => {
        stored = criticalSummary;
        return {
          ...p95LatencyWaiver,
          revokedBy: 'user:default/amir.khan',
          revokedAt: '2025-11-03T10:00:00.000Z',
        };
      },
    });
    await renderTab(api);

    const revoke = await checkRow('p95-latency').findByRole('button', {
      name: 'Revoke waiver for p95 latency',
    });
    expectCheckRow('p95-latency', {
      title: 'p95 latency',
      target: '< 200 ms',
      actual: '350 ms',
      state: 'waived',
      label: 'Waived',
      source: 'declared in governance/p95-latency-slo',
      observed: '—',
    });
    expect(
      checkRow('p95-latency').getByTestId('governance-waiver'),
    ).toHaveTextContent(
      'Waived until 2026-01-31 by amir.khan: Latency work lands with the Q1 capacity project',
    );
    // The waiver says it all; the backend's one-line reason would only repeat it.
    expect(
      checkRow('p95-latency').queryByText(/^Waived \(was fail\)/),
    ).toBeNull();
    // A waived check without waiver details (from before waivers were recorded) has no button.
    expect(checkRow('testing-load').queryByRole('button')).toBeNull();

    await userEvent.click(revoke);

    expect(api.revokeWaiver).toHaveBeenCalledWith(p95LatencyWaiver.id);
    expect(
      await checkRow('p95-latency').findByRole('button', {
        name: 'Waive p95 latency',
      }),
    ).toBeInTheDocument();
    expect(
      checkRow('p95-latency').getByTestId('governance-check-state'),
    ).toHaveAttribute('data-state', 'fail');
    expect(
      checkRow('p95-latency').queryByTestId('governance-waiver'),
    ).toBeNull();
    expect(api.getEntitySummary).toHaveBeenCalledTimes(2);
  });

  it('says why a waiver could not be revoked and shows what is stored now', async () => {
    const conflict = await backendError(409, 'Conflict', {
      name: 'ConflictError',
      message: `Waiver ${p95LatencyWaiver.id} is already revoked`,
    });
    let stored = waivedCriticalSummary;
    const api = mockGovernanceApi(async () => stored, undefined, undefined, {
      revokeWaiver: async () => {
        // Someone else revoked it a moment ago.
        stored = criticalSummary;
        throw conflict;
      },
    });
    await renderTab(api);

    await userEvent.click(
      await checkRow('p95-latency').findByRole('button', {
        name: 'Revoke waiver for p95 latency',
      }),
    );

    expect(await checkRow('p95-latency').findByRole('alert')).toHaveTextContent(
      `The waiver could not be revoked. Request failed with 409 Conflict: Waiver ${p95LatencyWaiver.id} is already revoked`,
    );
    expect(
      await checkRow('p95-latency').findByRole('button', {
        name: 'Waive p95 latency',
      }),
    ).toBeInTheDocument();
    expect(api.getEntitySummary).toHaveBeenCalledTimes(2);
  });

  it('keeps the scorecard on screen while it reloads after a waiver', async () => {
    let finishReload: (summary: typeof criticalSummary) => void = () => {};
    const api = mockGovernanceApi(
      async () => waivedCriticalSummary,
      undefined,
      undefined,
      { revokeWaiver: async () => p95LatencyWaiver },
    );
    await renderTab(api);
    const revoke = await checkRow('p95-latency').findByRole('button', {
      name: 'Revoke waiver for p95 latency',
    });
    api.getEntitySummary.mockImplementation(
      () =>
        new Promise(resolve => {
          finishReload = resolve;
        }),
    );

    await userEvent.click(revoke);

    expect(screen.queryByTestId('progress')).toBeNull();
    expect(screen.getByRole('table', { name: 'Scorecard' })).toBeVisible();
    expect(
      checkRow('p95-latency').getByRole('button', {
        name: 'Revoke waiver for p95 latency',
      }),
    ).toBeDisabled();

    await act(async () => finishReload(criticalSummary));

    expect(
      checkRow('p95-latency').getByTestId('governance-check-state'),
    ).toHaveAttribute('data-state', 'fail');
    expect(
      checkRow('p95-latency').getByRole('button', {
        name: 'Waive p95 latency',
      }),
    ).toBeEnabled();
  });
});
