import { AdrSummary } from '@catalog-governance/backstage-plugin-governance-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockObjectUrls,
  noImpact,
  renderAdrDialog,
} from '../../__testUtils__/adrDialog';
import {
  paymentsAdr,
  paymentsAdrs,
  paymentsEntityAdrs,
} from '../../__testUtils__/adrs';
import { mockAdrApi } from '../../__testUtils__/mockGovernanceApi';

const BODY = [
  'Builds on [ADR 2](0002-use-mysql.md), [the same](./0002-use-mysql.md#context)',
  'and [once more](../adr/0002-use-mysql.md).',
  '',
  'See the [runbook](../runbooks/ledger.md) and [the docs](https://backstage.io/docs).',
].join('\n');

/** The payments ADRs as the example app reads them: from disk, with `file:` URLs. */
const onDisk: AdrSummary[] = paymentsAdrs.map(adr => ({
  ...adr,
  url: `file:///srv/catalog/payments-api/docs/adr/${adr.path}`,
}));

async function renderAdr3(options: { fromDisk: boolean }) {
  const siblings = options.fromDisk ? onDisk : paymentsAdrs;
  const summaryOf = (id: string) => siblings.find(adr => adr.id === id)!;
  const api = mockAdrApi({
    getAdr: async id =>
      paymentsAdr(summaryOf(id).number!, {
        url: summaryOf(id).url,
        ...(id === 'adr-payments-0003' ? { body: BODY, links: [] } : {}),
      }),
    getEntityAdrs: async () => ({ ...paymentsEntityAdrs, items: siblings }),
    getAdrImpact: noImpact,
  });
  await renderAdrDialog(api, 'adr-payments-0003');
  const body = within(await screen.findByTestId('governance-adr-body'));
  // The links to ADR 2 are known once the entity's ADRs have arrived.
  await waitFor(() =>
    expect(body.getByRole('link', { name: 'ADR 2' })).toHaveAttribute(
      'href',
      expect.stringContaining('?adr=adr-payments-0002'),
    ),
  );
  return { api, body };
}

function hrefs(body: { getAllByRole: (role: 'link') => HTMLElement[] }) {
  return body.getAllByRole('link').map(link => link.getAttribute('href'));
}

describe('AdrDialog links between ADRs', () => {
  mockObjectUrls();

  it.each(['ADR 2', 'the same', 'once more'])(
    'opens the ADR that "%s" names in the dialog, however the path is written',
    async name => {
      const { api, body } = await renderAdr3({ fromDisk: true });

      await userEvent.click(body.getByRole('link', { name }));

      expect(
        await screen.findByRole('dialog', {
          name: 'ADR 2: Use MySQL for the ledger',
        }),
      ).toBeInTheDocument();
      expect(api.getAdr).toHaveBeenLastCalledWith('adr-payments-0002');
      await userEvent.click(screen.getByRole('button', { name: 'Back' }));
      expect(
        await screen.findByRole('dialog', { name: /^ADR 3:/ }),
      ).toBeInTheDocument();
    },
  );

  it('shows other relative links of an ADR read from disk as plain text, never as file: URLs', async () => {
    const { body } = await renderAdr3({ fromDisk: true });

    expect(body.getByText(/See the runbook and/)).toBeInTheDocument();
    expect(body.queryByRole('link', { name: /runbook/ })).toBeNull();
    expect(body.getByRole('link', { name: /the docs/ })).toHaveAttribute(
      'href',
      'https://backstage.io/docs',
    );
    expect(hrefs(body).filter(href => /^file:/i.test(href ?? ''))).toEqual([]);
    // The File fact stays plain text too.
    expect(screen.queryByRole('link', { name: /^0003-/ })).toBeNull();
  });

  it('sends other relative links of an ADR on GitHub to the file on GitHub', async () => {
    const { body } = await renderAdr3({ fromDisk: false });

    expect(body.getByRole('link', { name: /runbook/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api/blob/main/docs/runbooks/ledger.md',
    );
    expect(body.getByRole('link', { name: 'once more' })).toHaveAttribute(
      'href',
      expect.stringContaining('?adr=adr-payments-0002'),
    );
  });
});
