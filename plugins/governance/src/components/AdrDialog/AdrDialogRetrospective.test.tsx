import { Retrospective } from '@catalog-governance/backstage-plugin-governance-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockObjectUrls,
  noImpact,
  renderAdrDialog,
  saveRetrospective,
} from '../../__testUtils__/adrDialog';
import { paymentsAdr, paymentsAdrs } from '../../__testUtils__/adrs';
import { mockAdrApi } from '../../__testUtils__/mockGovernanceApi';
import { refusedWith } from '../../__testUtils__/responseErrors';

describe('AdrDialog', () => {
  mockObjectUrls();

  describe('retrospective', () => {
    it('shows the state, when it falls due and every recorded retrospective', async () => {
      const older: Retrospective = {
        id: 'retro-0',
        adrId: 'adr-payments-0001',
        date: '2025-05-01',
        outcome: 'partly-validated',
        notes: 'Template too long',
        recordedBy: 'user:default/jane.doe',
        recordedAt: '2025-05-01T09:00:00.000Z',
      };
      const api = mockAdrApi({
        getAdr: async () =>
          paymentsAdr(1, {
            retrospectives: [paymentsAdrs[0].retrospective.latest!, older],
          }),
        getAdrImpact: noImpact,
      });
      await renderAdrDialog(api, 'adr-payments-0001');

      const section = within(
        await screen.findByTestId('governance-adr-retrospective-section'),
      );
      expect(
        section.getByTestId('governance-adr-retrospective'),
      ).toHaveAttribute('data-state', 'recorded');
      expect(
        section.getByText(
          'Due from 2025-06-03, overdue from 2025-09-03, and recorded.',
        ),
      ).toBeInTheDocument();
      const items = section
        .getAllByRole('listitem')
        .map(item => item.textContent);
      expect(items).toEqual([
        expect.stringContaining('2025-06-20: Validated'),
        expect.stringContaining('2025-05-01: Partly validated'),
      ]);
      expect(items[1]).toContain('Template too long');
      expect(items[1]).toContain('Recorded by jane.doe on 2025-05-01');
    });

    it('records a retrospective held today unless another day is picked, and reloads the ADR', async () => {
      const today = new Date().toISOString().slice(0, 10);
      let recorded = false;
      const retrospective: Retrospective = {
        id: 'retro-2',
        adrId: 'adr-payments-0003',
        date: today,
        outcome: 'partly-validated',
        notes: 'Consumers lag at peak',
        recordedBy: 'user:default/amir.khan',
        recordedAt: `${today}T10:00:00.000Z`,
      };
      const api = mockAdrApi({
        getAdr: async () =>
          recorded
            ? paymentsAdr(3, {
                retrospective: {
                  ...paymentsAdrs[2].retrospective,
                  state: 'recorded',
                  latest: retrospective,
                },
                retrospectives: [retrospective],
              })
            : paymentsAdr(3),
        getAdrImpact: noImpact,
        createRetrospective: async () => {
          recorded = true;
          return retrospective;
        },
      });
      const { onChanged } = await renderAdrDialog(api);

      const section = within(
        await screen.findByTestId('governance-adr-retrospective-section'),
      );
      expect(
        section.getByTestId('governance-adr-retrospective'),
      ).toHaveTextContent('Retrospective overdue since 2025-10-14');
      await userEvent.click(
        await section.findByRole('button', { name: 'Record retrospective' }),
      );
      const form = within(
        section.getByRole('form', { name: 'Record retrospective' }),
      );
      expect(form.getByLabelText(/^Held on/)).toHaveValue(today);

      // Notes are required.
      await saveRetrospective(form, {});
      expect(
        form.getByText('Write down what the retrospective found.'),
      ).toBeVisible();
      expect(api.createRetrospective).not.toHaveBeenCalled();

      await saveRetrospective(form, {
        outcome: 'partly-validated',
        notes: '  Consumers lag at peak ',
      });

      expect(api.createRetrospective).toHaveBeenCalledWith(
        'adr-payments-0003',
        {
          date: today,
          outcome: 'partly-validated',
          notes: 'Consumers lag at peak',
        },
      );
      await waitFor(() =>
        expect(
          section.getByTestId('governance-adr-retrospective'),
        ).toHaveAttribute('data-state', 'recorded'),
      );
      expect(section.queryByRole('form')).toBeNull();
      expect(
        section.getByText(`${today}: Partly validated`),
      ).toBeInTheDocument();
      expect(onChanged).toHaveBeenCalledTimes(1);
    });

    it('shows in place why the backend refused the retrospective, keeping the form', async () => {
      const api = mockAdrApi({
        getAdr: async () => paymentsAdr(3),
        getAdrImpact: noImpact,
        createRetrospective: refusedWith(403, 'Unauthorized'),
      });
      const { onChanged } = await renderAdrDialog(api);

      await userEvent.click(
        await screen.findByRole('button', { name: 'Record retrospective' }),
      );
      await saveRetrospective(screen, { notes: 'Works as intended' });

      expect(
        await screen.findByTestId('governance-retrospective-error'),
      ).toHaveTextContent(
        'You are not allowed to record retrospectives of this ADR (Unauthorized).',
      );
      expect(screen.getByRole('textbox', { name: /^Notes/ })).toHaveValue(
        'Works as intended',
      );
      expect(onChanged).not.toHaveBeenCalled();
    });

    it('shows the reason the backend gives for rejected input', async () => {
      const api = mockAdrApi({
        getAdr: async () => paymentsAdr(3),
        getAdrImpact: noImpact,
        createRetrospective: refusedWith(
          400,
          'date must not be before the ADR date 2025-04-14',
        ),
      });
      await renderAdrDialog(api);

      await userEvent.click(
        await screen.findByRole('button', { name: 'Record retrospective' }),
      );
      fireEvent.change(screen.getByLabelText(/^Held on/), {
        target: { value: '2025-01-01' },
      });
      await saveRetrospective(screen, { notes: 'Too early' });

      expect(
        await screen.findByTestId('governance-retrospective-error'),
      ).toHaveTextContent(
        'The retrospective was not recorded: date must not be before the ADR date 2025-04-14',
      );
      expect(api.createRetrospective).toHaveBeenCalledWith(
        'adr-payments-0003',
        expect.objectContaining({ date: '2025-01-01' }),
      );
    });

    it('offers no retrospective for an ADR that gets none', async () => {
      const api = mockAdrApi({
        getAdr: async () => paymentsAdr(4),
      });
      await renderAdrDialog(api, 'adr-payments-0004');

      const section = within(
        await screen.findByTestId('governance-adr-retrospective-section'),
      );
      expect(
        section.getByText(/Only accepted ADRs with a date get a retrospective/),
      ).toBeInTheDocument();
      expect(
        section.queryByRole('button', { name: 'Record retrospective' }),
      ).toBeNull();
    });
  });
});
