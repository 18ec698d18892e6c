import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { utcDayFromNow } from '../../__testUtils__/days';
import { mockGovernanceApi } from '../../__testUtils__/mockGovernanceApi';
import { responseError } from '../../__testUtils__/responseErrors';
import {
  criticalSummary,
  p95LatencyWaiver,
} from '../../__testUtils__/scorecards';
import { GovernanceApi, governanceApiRef } from '../../api';
import { WaiverDialog } from './WaiverDialog';

async function renderDialog(api: GovernanceApi) {
  const onClose = jest.fn();
  const onChanged = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[governanceApiRef, api]]}>
      <WaiverDialog
        entityRef="component:default/payments-api"
        check={{ checkId: 'p95-latency', title: 'p95 latency' }}
        onClose={onClose}
        onChanged={onChanged}
      />
    </TestApiProvider>,
  );
  const dialog = within(
    await screen.findByRole('dialog', { name: 'Waive p95 latency' }),
  );
  return {
    dialog,
    onClose,
    onChanged,
    reason: dialog.getByRole('textbox', { name: /^Reason/ }),
    expiry: dialog.getByLabelText(/^Expires on/) as HTMLInputElement,
    grant: dialog.getByRole('button', { name: 'Grant waiver' }),
  };
}

/** Enters a reason the way a user pastes it: typing it key by key is slow in jsdom. */
async function enterReason(input: HTMLElement, text: string) {
  await userEvent.click(input);
  await userEvent.paste(text);
}

/** Sets the date field the way a date picker does: one complete value at a time. */
function pickDay(input: HTMLInputElement, day: string) {
  fireEvent.change(input, { target: { value: day } });
}

function summaryApi(waivers: Parameters<typeof mockGovernanceApi>[3] = {}) {
  return mockGovernanceApi(
    async () => criticalSummary,
    undefined,
    undefined,
    waivers,
  );
}

describe('WaiverDialog', () => {
  it('grants a waiver with a reason and an expiry date', async () => {
    const api = summaryApi({ createWaiver: async () => p95LatencyWaiver });
    const { dialog, onClose, onChanged, reason, expiry, grant } =
      await renderDialog(api);

    expect(reason).toBeRequired();
    expect(expiry).toBeRequired();
    expect(expiry).toHaveAttribute('type', 'date');
    // Unless the council picks another day, a waiver lasts 30 days.
    expect(expiry).toHaveValue(utcDayFromNow(30));
    expect(
      dialog.getByText('The waiver ends at the end of this day, UTC.'),
    ).toBeInTheDocument();

    const day = utcDayFromNow(60);
    await enterReason(
      reason,
      '  Latency work lands with the Q1 capacity project ',
    );
    pickDay(expiry, day);
    await userEvent.click(grant);

    expect(api.createWaiver).toHaveBeenCalledTimes(1);
    expect(api.createWaiver).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      checkId: 'p95-latency',
      reason: 'Latency work lands with the Q1 capacity project',
      expiresAt: `${day}T23:59:59.999Z`,
    });
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('refuses to submit without a reason or with a past date', async () => {
    const api = summaryApi();
    const { dialog, onClose, onChanged, reason, expiry, grant } =
      await renderDialog(api);

    // Nothing is flagged before the user tries to submit.
    expect(dialog.queryByText('Give a reason for the waiver.')).toBeNull();

    await userEvent.click(grant);
    expect(dialog.getByText('Give a reason for the waiver.')).toBeVisible();
    expect(reason).toBeInvalid();

    await userEvent.type(reason, '   ');
    await userEvent.click(grant);
    expect(dialog.getByText('Give a reason for the waiver.')).toBeVisible();

    await enterReason(reason, 'Latency work lands in Q1');
    expect(dialog.queryByText('Give a reason for the waiver.')).toBeNull();
    expect(reason).toBeValid();

    pickDay(expiry, utcDayFromNow(-1));
    await userEvent.click(grant);
    expect(
      dialog.getByText('The expiry date must be in the future.'),
    ).toBeVisible();
    expect(expiry).toBeInvalid();

    // Today is not in the future: the waiver would be gone by tonight.
    pickDay(expiry, utcDayFromNow(0));
    await userEvent.click(grant);
    expect(
      dialog.getByText('The expiry date must be in the future.'),
    ).toBeVisible();

    pickDay(expiry, '');
    await userEvent.click(grant);
    expect(
      dialog.getByText('Choose the day the waiver expires.'),
    ).toBeVisible();

    expect(api.createWaiver).not.toHaveBeenCalled();
    expect(onChanged).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();

    pickDay(expiry, utcDayFromNow(1));
    expect(dialog.queryByText(/must be in the future/)).toBeNull();
    expect(expiry).toBeValid();

    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(api.createWaiver).not.toHaveBeenCalled();
  });

  it('shows the server error when the waiver is refused', async () => {
    const tooLate = await responseError(400, 'Bad Request', {
      error: {
        name: 'InputError',
        message: 'expiresAt must be at most one year ahead',
      },
      request: { method: 'POST', url: '/api/governance/waivers' },
      response: { statusCode: 400 },
    });
    const forbidden = await responseError(403, 'Forbidden', {
      error: { name: 'NotAllowedError', message: 'Unauthorized' },
      request: { method: 'POST', url: '/api/governance/waivers' },
      response: { statusCode: 403 },
    });
    let refuse: (error: Error) => void = () => {};
    const api = summaryApi({
      createWaiver: () =>
        new Promise((_resolve, reject) => {
          refuse = reject;
        }),
    });
    const { dialog, onClose, onChanged, reason, grant } = await renderDialog(
      api,
    );

    await enterReason(reason, 'Latency work lands in Q1');
    await userEvent.click(grant);

    // While the backend decides, the form cannot be sent twice or closed.
    expect(dialog.getByRole('button', { name: 'Granting…' })).toBeDisabled();
    expect(dialog.getByRole('button', { name: 'Cancel' })).toBeDisabled();

    await act(async () => refuse(tooLate));
    expect(
      await dialog.findByTestId('governance-waiver-error'),
    ).toHaveTextContent(
      'The waiver was not granted. Request failed with 400 Bad Request: expiresAt must be at most one year ahead',
    );
    expect(reason).toHaveValue('Latency work lands in Q1');

    await userEvent.click(dialog.getByRole('button', { name: 'Grant waiver' }));
    await act(async () => refuse(forbidden));
    expect(
      await dialog.findByText(
        'The waiver was not granted. Request failed with 403 Forbidden: Unauthorized',
      ),
    ).toBeInTheDocument();
    expect(dialog.queryByText(/400 Bad Request/)).toBeNull();

    expect(api.createWaiver).toHaveBeenCalledTimes(2);
    expect(onChanged).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(
      screen.getByRole('dialog', { name: 'Waive p95 latency' }),
    ).toBeVisible();
  });
});
