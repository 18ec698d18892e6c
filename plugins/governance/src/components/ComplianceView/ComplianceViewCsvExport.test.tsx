import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  entities,
  payments,
  renderComplianceView,
  rollup,
} from '../../__testUtils__/complianceView';
import { mockComplianceApi } from '../../__testUtils__/mockGovernanceApi';
import { responseError } from '../../__testUtils__/responseErrors';

describe('ComplianceView', () => {
  describe('CSV export', () => {
    let clicked: HTMLAnchorElement[];

    beforeEach(() => {
      clicked = [];
      // jsdom has neither object URLs nor downloads.
      URL.createObjectURL = jest.fn(() => 'blob:compliance');
      URL.revokeObjectURL = jest.fn();
      jest
        .spyOn(HTMLAnchorElement.prototype, 'click')
        .mockImplementation(function record(this: HTMLAnchorElement) {
          clicked.push(this);
        });
    });

    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('downloads the roll-up as it is on screen', async () => {
      const csv = new Blob(['owner,entities\n'], { type: 'text/csv' });
      const api = mockComplianceApi({
        getComplianceRollup: rollup,
        getComplianceEntities: entities,
        exportComplianceCsv: async () => csv,
      });
      await renderComplianceView(
        api,
        '/architecture-council?groupBy=system&owner=group%3Adefault%2Fpayments',
      );

      const groups = await screen.findByRole('table', {
        name: 'Compliance by system',
      });
      const card = groups.closest('.MuiCard-root') as HTMLElement;
      await userEvent.click(
        within(card).getByRole('button', { name: 'Export CSV' }),
      );

      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(api.exportComplianceCsv).toHaveBeenCalledWith({
        view: 'groups',
        groupBy: 'system',
        filter: { owner: payments },
      });
      expect(URL.createObjectURL).toHaveBeenCalledWith(csv);
      expect(clicked[0]).toHaveAttribute(
        'download',
        'compliance-by-system.csv',
      );
      expect(clicked[0]).toHaveAttribute('href', 'blob:compliance');
      expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:compliance');
    });

    it('downloads every entity of the narrowed view from the entity list', async () => {
      const api = mockComplianceApi({
        getComplianceRollup: rollup,
        getComplianceEntities: entities,
        exportComplianceCsv: async () => new Blob(['entityRef\n']),
      });
      await renderComplianceView(
        api,
        '/architecture-council?owner=group%3Adefault%2Fpayments&system=',
      );

      const list = await screen.findByRole('table', { name: 'Entities' });
      const card = list.closest('.MuiCard-root') as HTMLElement;
      await userEvent.click(
        within(card).getByRole('button', { name: 'Export CSV' }),
      );

      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(api.exportComplianceCsv).toHaveBeenCalledWith({
        view: 'entities',
        filter: { owner: payments, system: '' },
      });
      expect(clicked[0]).toHaveAttribute('download', 'compliance-entities.csv');
    });

    it('says why the export failed', async () => {
      const error = await responseError(403, 'Forbidden', {
        error: { name: 'NotAllowedError', message: 'Unauthorized' },
        request: { method: 'GET', url: '/api/governance/compliance.csv' },
        response: { statusCode: 403 },
      });
      const api = mockComplianceApi({
        getComplianceRollup: rollup,
        exportComplianceCsv: async () => {
          throw error;
        },
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
});
