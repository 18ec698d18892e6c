import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  payments,
  paymentsComplianceApi,
  renderComplianceView,
  rollup,
} from '../../__testUtils__/complianceView';
import { mockDownloads } from '../../__testUtils__/downloads';
import { mockComplianceApi } from '../../__testUtils__/mockGovernanceApi';
import { refusedWith } from '../../__testUtils__/responseErrors';

describe('ComplianceView CSV export', () => {
  const clicked = mockDownloads('blob:compliance');

  /** Exports from the card around `table` and waits for the download. */
  async function exportCardOf(table: HTMLElement) {
    const card = table.closest('.MuiCard-root') as HTMLElement;
    await userEvent.click(
      within(card).getByRole('button', { name: 'Export CSV' }),
    );
    await waitFor(() => expect(clicked).toHaveLength(1));
  }

  it('downloads the roll-up as it is on screen', async () => {
    const csv = new Blob(['owner,entities\n'], { type: 'text/csv' });
    const api = paymentsComplianceApi({
      exportComplianceCsv: async () => csv,
    });
    await renderComplianceView(
      api,
      '/architecture-council?groupBy=system&owner=group%3Adefault%2Fpayments',
    );

    await exportCardOf(
      await screen.findByRole('table', { name: 'Compliance by system' }),
    );
    expect(api.exportComplianceCsv).toHaveBeenCalledWith({
      view: 'groups',
      groupBy: 'system',
      filter: { owner: payments },
    });
    expect(URL.createObjectURL).toHaveBeenCalledWith(csv);
    expect(clicked[0]).toHaveAttribute('download', 'compliance-by-system.csv');
    expect(clicked[0]).toHaveAttribute('href', 'blob:compliance');
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:compliance');
  });

  it('downloads every entity of the narrowed view from the entity list', async () => {
    const api = paymentsComplianceApi({
      exportComplianceCsv: async () => new Blob(['entityRef\n']),
    });
    await renderComplianceView(
      api,
      '/architecture-council?owner=group%3Adefault%2Fpayments&system=',
    );

    await exportCardOf(await screen.findByRole('table', { name: 'Entities' }));
    expect(api.exportComplianceCsv).toHaveBeenCalledWith({
      view: 'entities',
      filter: { owner: payments, system: '' },
    });
    expect(clicked[0]).toHaveAttribute('download', 'compliance-entities.csv');
  });

  it('says why the export failed', async () => {
    const api = mockComplianceApi({
      getComplianceRollup: rollup,
      exportComplianceCsv: refusedWith(403, 'Unauthorized'),
    });
    await renderComplianceView(api);

    await screen.findByRole('table', { name: 'Compliance by owner' });
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The export failed: Unauthorized',
    );
    expect(clicked).toHaveLength(0);
  });
});
