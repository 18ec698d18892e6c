import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockAdrApi } from '../../__testUtils__/mockGovernanceApi';
import {
  impactOf,
  renderAdrDialog,
  saveRetrospective,
} from '../../__testUtils__/adrDialog';
import { metric } from '../../__testUtils__/adrImpact';
import { paymentsAdr } from '../../__testUtils__/adrs';
import { utcToday } from '../../lib/days';

const latency = metric(
  'p99LatencyMs',
  'ms',
  'lower',
  [1400, 1450, 1500],
  [650, 700, 750],
  [1425, 700],
  { absolute: -725, percent: -50.88, direction: 'better' },
);

describe('RetrospectiveForm', () => {
  it('starts the notes from the measured impact and records the outcome with lessons', async () => {
    const api = mockAdrApi({
      getAdr: async () => paymentsAdr(3),
      getAdrImpact: impactOf([], [latency]),
      createRetrospective: async (adrId, request) => ({
        id: 'r1',
        adrId,
        ...request,
        recordedBy: 'user:default/guest',
        recordedAt: new Date().toISOString(),
      }),
    });
    await renderAdrDialog(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Record retrospective' }),
    );
    const form = within(
      screen.getByRole('form', { name: 'Record retrospective' }),
    );
    const summary = 'p99 latency: 1,430 ms → 700 ms, −725 ms (−50.9%), better';
    await waitFor(() =>
      expect(form.getByRole('textbox', { name: /^Notes/ })).toHaveValue(
        `Measured impact:\n${summary}\n`,
      ),
    );
    // The figures show once, in the notes they start, not again beside them.
    expect(
      form.queryByText(summary, {
        exact: false,
        ignore: 'script, style, textarea',
      }),
    ).toBeNull();

    await saveRetrospective(form, {
      outcome: 'reversed',
      lessons: 'Measure first.',
    });
    expect(api.createRetrospective).toHaveBeenCalledWith('adr-payments-0003', {
      date: utcToday(),
      outcome: 'reversed',
      notes: `Measured impact:\n${summary}`,
      lessons: 'Measure first.',
    });
  });
});
