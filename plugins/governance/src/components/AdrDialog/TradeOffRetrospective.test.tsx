import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { annotatedEntity } from '../../__testUtils__/entities';
import { mockAdrApi } from '../../__testUtils__/mockGovernanceApi';
import { mockPermissionApi } from '../../__testUtils__/permissions';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { enter } from '../../__testUtils__/userInput';
import { ledgerTradeOff } from '../../__testUtils__/tradeOffs';
import { TradeOffRetrospective } from './TradeOffRetrospective';

// usePermission caches the decision for the whole file: the user here may record retrospectives.

const decided = { ...ledgerTradeOff, chosenOption: 'queue' };

async function render(api: ReturnType<typeof mockAdrApi>) {
  await renderForEntity(<TradeOffRetrospective adrId="adr-payments-0005" />, {
    entity: annotatedEntity,
    api,
    permissionApi: mockPermissionApi('ALLOW'),
  });
}

describe('TradeOffRetrospective', () => {
  it("sets the chosen option's expected scores beside what happened, and saves what happened", async () => {
    const api = mockAdrApi({ getAdrTradeOff: async () => decided });
    api.saveReviewTradeOffOutcomes.mockImplementation(async (_id, update) => ({
      ...decided,
      revision: 4,
      outcomes: update.outcomes.filter(o => o.happened),
    }));
    await render(api);

    expect(
      await screen.findByText('Expected of “Managed queue” and what happened'),
    ).toBeInTheDocument();
    const cost = within(screen.getByTestId('governance-trade-off-retro-cost'));
    expect(cost.getByText('4')).toBeInTheDocument();
    await enter(
      cost.getByRole('textbox', { name: 'What happened on Cost' }),
      'Half the forecast: 20 USD a month',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Save what happened' }),
    );
    expect(await screen.findByText('What happened is saved.')).toBeVisible();
    expect(api.saveReviewTradeOffOutcomes).toHaveBeenCalledWith('review-1', {
      revision: 3,
      outcomes: [
        { criterionId: 'cost', happened: 'Half the forecast: 20 USD a month' },
        { criterionId: 'time', happened: '' },
        { criterionId: 'risk', happened: '' },
      ],
    });
  });

  it('shows nothing for an ADR no design review records', async () => {
    const api = mockAdrApi({});
    await render(api);
    await waitFor(() => expect(api.getAdrTradeOff).toHaveBeenCalled());
    await waitFor(() =>
      expect(
        screen.queryByTestId('governance-trade-off-retrospective'),
      ).toBeNull(),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why the matrix could not be loaded', async () => {
    const api = mockAdrApi({
      getAdrTradeOff: refusedWith(500, 'database unavailable'),
    });
    await render(api);
    expect(
      await screen.findByTestId('governance-trade-off-retro-error'),
    ).toHaveTextContent('database unavailable');
  });
});
