import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import {
  paymentsAdr,
  paymentsAdrById,
  paymentsEntityAdrs,
} from '../../__testUtils__/adrs';
import { annotatedEntity } from '../../__testUtils__/entities';
import { mockGovernanceApi } from '../../__testUtils__/mockGovernanceApi';
import { mockPermissionApiAllowing } from '../../__testUtils__/permissions';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { designReview, designReviewDetail } from '../../__testUtils__/reviews';
import {
  criticalSummary,
  waivedCriticalSummary,
} from '../../__testUtils__/scorecards';
import { EntityGovernanceContent } from '../EntityGovernanceContent';

const inThirtyDays = DateTime.utc()
  .plus({ days: 30 })
  .endOf('day')
  .toISO({ suppressMilliseconds: false });

async function paste(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

/** An engineer: may request reviews (and so waivers), may not grant waivers. */
function renderAsEngineer(api: ReturnType<typeof mockGovernanceApi>) {
  return renderForEntity(<EntityGovernanceContent />, {
    entity: annotatedEntity,
    api,
    permissionApi: mockPermissionApiAllowing(['governance.review.create']),
  });
}

function apiFor(summary = criticalSummary) {
  return mockGovernanceApi(
    async () => summary,
    undefined,
    undefined,
    {
      requestWaiver: async () => ({
        ...designReview,
        id: 'review-4',
        number: 4,
        kind: 'waiver-request',
      }),
    },
    {},
    {
      getEntityAdrs: async () => paymentsEntityAdrs,
      getAdr: paymentsAdrById,
    },
    { getReview: async () => ({ ...designReviewDetail, number: 4 }) },
  );
}

describe('requesting a waiver', () => {
  it('lets an engineer ask the council to waive a failing check, with the ADR picked by number and title', async () => {
    const api = apiFor();
    await renderAsEngineer(api);

    const row = within(
      await screen.findByTestId('governance-check-p95-latency'),
    );
    await userEvent.click(
      await row.findByRole('button', {
        name: 'Request waiver for p95 latency',
      }),
    );
    // Only the council grants waivers directly.
    expect(row.queryByRole('button', { name: 'Waive p95 latency' })).toBeNull();
    // A passing check needs no waiver.
    expect(
      within(screen.getByTestId('governance-check-availability')).queryByRole(
        'button',
        { name: /Request waiver/ },
      ),
    ).toBeNull();

    const dialog = within(
      await screen.findByRole('dialog', {
        name: 'Request a waiver for p95 latency',
      }),
    );
    await userEvent.click(
      dialog.getByRole('button', { name: 'Request waiver' }),
    );
    expect(
      dialog.getByText('Give a reason for the waiver.'),
    ).toBeInTheDocument();
    expect(api.requestWaiver).not.toHaveBeenCalled();

    await paste(
      dialog.getByRole('textbox', { name: /^Reason/ }),
      'Latency work lands with the Q1 capacity project',
    );
    const adr = dialog.getByRole('combobox', { name: 'Linked ADR (optional)' });
    await waitFor(() =>
      expect(
        dialog.getByTestId('governance-request-waiver-p95-latency-adr-options')
          .children.length,
      ).toBeGreaterThan(0),
    );
    // Picking from the list puts the ADR's number and title in the field, not its id.
    await paste(adr, 'ADR 1: Record architecture decisions');
    expect(adr).toHaveValue('ADR 1: Record architecture decisions');
    await userEvent.click(
      dialog.getByRole('button', { name: 'Request waiver' }),
    );

    await waitFor(() =>
      expect(api.requestWaiver).toHaveBeenCalledWith({
        entityRef: 'component:default/payments-api',
        checkId: 'p95-latency',
        reason: 'Latency work lands with the Q1 capacity project',
        expiresAt: inThirtyDays,
        adr: 'adr-payments-0001',
      }),
    );
    expect(await row.findByRole('status')).toHaveTextContent(
      'Waiver requested as review #4; the council decides in its queue.',
    );
    await userEvent.click(row.getByRole('button', { name: 'review #4' }));
    expect(
      await screen.findByRole('dialog', { name: designReviewDetail.title }),
    ).toBeInTheDocument();
  });

  it('shows the review a waiver was granted in and the ADR recording it', async () => {
    const summary = {
      ...waivedCriticalSummary,
      scorecard: {
        ...waivedCriticalSummary.scorecard!,
        results: waivedCriticalSummary.scorecard!.results.map(result =>
          result.waiver
            ? {
                ...result,
                waiver: {
                  ...result.waiver,
                  review: { id: 'review-4', number: 4 },
                  adr: 'adr-payments-0002',
                },
              }
            : result,
        ),
      },
    };
    await renderAsEngineer(apiFor(summary));

    const waiver = await screen.findByTestId('governance-waiver');
    await waitFor(() =>
      expect(waiver).toHaveTextContent(
        `granted in review #4, recorded in ADR 2: ${paymentsAdr(2).title}`,
      ),
    );
    await userEvent.click(
      within(waiver).getByRole('button', { name: 'review #4' }),
    );
    expect(
      await screen.findByRole('dialog', { name: designReviewDetail.title }),
    ).toBeInTheDocument();
  });
});
