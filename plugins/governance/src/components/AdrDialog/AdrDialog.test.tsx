import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockObjectUrls,
  impactOf,
  noImpact,
  renderAdrDialog,
} from '../../__testUtils__/adrDialog';
import { paymentsAdr, paymentsAdrs } from '../../__testUtils__/adrs';
import { mockAdrApi } from '../../__testUtils__/mockGovernanceApi';
import { backendError, refusedWith } from '../../__testUtils__/responseErrors';

/** Answers every ADR of the payments fixtures by id. */
async function byId(id: string) {
  return paymentsAdr(paymentsAdrs.find(adr => adr.id === id)!.number!);
}

async function findDialog(name: string) {
  return within(await screen.findByRole('dialog', { name }));
}

describe('AdrDialog', () => {
  mockObjectUrls();

  it('shows the status, date, deciders, links and warnings of the ADR above its body', async () => {
    const api = mockAdrApi({
      getAdr: async () =>
        paymentsAdr(2, {
          statusText: 'Superseded by ADR 5 after the load tests',
          warnings: ['No "Consequences" section'],
          links: [
            {
              relation: 'superseded by',
              target: '0005-use-postgres.md',
              number: 5,
              adrId: 'adr-payments-0005',
            },
            {
              relation: 'relates to',
              target: '../runbooks/ledger.md',
            },
          ],
        }),
      getAdrImpact: noImpact,
    });
    await renderAdrDialog(api, 'adr-payments-0002');

    const dialog = await findDialog('ADR 2: Use MySQL for the ledger');
    expect(screen.getByTestId('governance-adr-dialog')).toBeInTheDocument();
    expect(dialog.getByTestId('governance-adr-status')).toHaveAttribute(
      'data-status',
      'superseded',
    );
    expect(dialog.getByTestId('governance-adr-status')).toHaveTextContent(
      'superseded by ADR 5',
    );
    expect(
      dialog.getByText('(Superseded by ADR 5 after the load tests)'),
    ).toBeInTheDocument();
    expect(dialog.getByText('2025-03-10')).toBeInTheDocument();
    expect(dialog.getByText('jane.doe')).toBeInTheDocument();
    expect(dialog.getByRole('link', { name: /payments-api/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api',
    );
    expect(
      dialog.getByRole('link', { name: /^0002-use-mysql\.md/ }),
    ).toHaveAttribute('href', paymentsAdrs[1].url);

    const links = within(dialog.getByTestId('governance-adr-links'));
    expect(links.getByRole('button', { name: 'ADR 5' })).toBeInTheDocument();
    // A link the backend could not resolve to an ADR points at the file next to this one.
    expect(
      links.getByRole('link', { name: /^\.\.\/runbooks\/ledger\.md/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api/blob/main/docs/runbooks/ledger.md',
    );
    expect(dialog.getByTestId('governance-adr-warnings')).toHaveTextContent(
      'No "Consequences" section',
    );
  });

  it('renders the body as Markdown', async () => {
    const api = mockAdrApi({
      getAdr: async () =>
        paymentsAdr(3, {
          body: [
            '## Decision Outcome',
            '',
            'Chosen option: **Kafka**, because ordering matters.',
            '',
            '| Option | Ordering |',
            '| ------ | -------- |',
            '| Kafka  | per key  |',
          ].join('\n'),
        }),
      getAdrImpact: noImpact,
    });
    await renderAdrDialog(api);

    const body = within(await screen.findByTestId('governance-adr-body'));
    expect(
      await body.findByRole('heading', { name: 'Decision Outcome' }),
    ).toBeInTheDocument();
    expect(body.getByText('Kafka', { selector: 'strong' })).toBeInTheDocument();
    expect(body.getByRole('cell', { name: 'per key' })).toBeInTheDocument();
  });

  it('never turns scripts or event handlers written in an ADR into live elements', async () => {
    const win = window as unknown as Record<string, unknown>;
    const api = mockAdrApi({
      getAdr: async () =>
        paymentsAdr(3, {
          body: [
            '## Context',
            '',
            '<script>window.adrScriptRan = true</script>',
            '',
            '<img src="https://example.com/x.png" onerror="window.adrHandlerRan = true">',
            '',
            '<a href="javascript:window.adrLinkRan = true">click me</a>',
            '',
            '[or me](javascript:window.adrLinkRan=true)',
            '',
            'The end.',
          ].join('\n'),
        }),
      getAdrImpact: noImpact,
    });
    await renderAdrDialog(api);

    const body = await screen.findByTestId('governance-adr-body');
    await within(body).findByText('The end.');
    expect(document.querySelector('script')).toBeNull();
    expect(body.querySelector('[onerror]')).toBeNull();
    expect(body.querySelectorAll('img')).toHaveLength(1);
    for (const link of Array.from(body.querySelectorAll('a'))) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/javascript:/i);
    }
    fireEvent.error(body.querySelector('img')!);
    for (const text of within(body).queryAllByText(/click me|or me/)) {
      fireEvent.click(text);
    }
    expect(win.adrScriptRan).toBeUndefined();
    expect(win.adrHandlerRan).toBeUndefined();
    expect(win.adrLinkRan).toBeUndefined();
  });

  it('loads relative images through the backend and shows them from object URLs', async () => {
    const png = new Blob(['png'], { type: 'image/png' });
    const api = mockAdrApi({
      getAdr: async () =>
        paymentsAdr(3, {
          body: [
            '![Event flow](images/event%20flow.png)',
            '',
            '![Logo](https://example.com/logo.png)',
            '',
            '![Missing](./images/missing.png)',
            '',
            '```md',
            '![Not loaded](images/in-code.png)',
            '```',
          ].join('\n'),
        }),
      getAdrAsset: async (_id, path) => {
        if (path === './images/missing.png') {
          throw await backendError(404, 'Not Found', {
            name: 'NotFoundError',
            message: 'No such file',
          });
        }
        return png;
      },
      getAdrImpact: noImpact,
    });
    await renderAdrDialog(api);

    const body = within(await screen.findByTestId('governance-adr-body'));
    await waitFor(() =>
      expect(body.getByRole('img', { name: 'Event flow' })).toHaveAttribute(
        'src',
        'blob:adr/1',
      ),
    );
    expect(api.getAdrAsset).toHaveBeenCalledWith(
      'adr-payments-0003',
      'images/event flow.png',
    );
    expect(URL.createObjectURL).toHaveBeenCalledWith(png);
    expect(body.getByRole('img', { name: 'Logo' })).toHaveAttribute(
      'src',
      'https://example.com/logo.png',
    );
    expect(api.getAdrAsset).not.toHaveBeenCalledWith(
      expect.anything(),
      'https://example.com/logo.png',
    );
    expect(api.getAdrAsset).not.toHaveBeenCalledWith(
      expect.anything(),
      'images/in-code.png',
    );
    expect(
      await screen.findByText(
        'The image ./images/missing.png could not be loaded: No such file',
      ),
    ).toBeInTheDocument();
    expect(body.getByRole('img', { name: 'Missing' })).not.toHaveAttribute(
      'src',
      expect.stringMatching(/missing/),
    );
  });

  it('follows links to other ADRs inside the dialog, and back', async () => {
    const api = mockAdrApi({
      getAdr: async id =>
        id === 'adr-payments-0002'
          ? paymentsAdr(2, {
              body: 'Replaced by [ADR-0005](0005-use-postgres.md) after load tests.',
            })
          : byId(id),
      getAdrImpact: noImpact,
    });
    await renderAdrDialog(api, 'adr-payments-0002');

    let dialog = await findDialog('ADR 2: Use MySQL for the ledger');
    await userEvent.click(
      await dialog.findByRole('link', { name: /ADR-0005/ }),
    );
    dialog = await findDialog('ADR 5: Use PostgreSQL for the ledger');
    expect(api.getAdr).toHaveBeenLastCalledWith('adr-payments-0005');

    await userEvent.click(dialog.getByRole('button', { name: 'Back' }));
    dialog = await findDialog('ADR 2: Use MySQL for the ledger');

    // The superseded-by link in the status goes the same way.
    await userEvent.click(
      within(dialog.getByTestId('governance-adr-status')).getByRole('button', {
        name: 'ADR 5',
      }),
    );
    await findDialog('ADR 5: Use PostgreSQL for the ledger');
  });

  describe('decision impact', () => {
    it('puts the measured values before the decision beside those after it, per check', async () => {
      const api = mockAdrApi({
        getAdr: async () => paymentsAdr(3),
        getAdrImpact: impactOf([
          {
            checkId: 'p95-latency',
            before: [
              {
                at: '2025-03-17T00:00:00.000Z',
                actual: '420 ms',
                state: 'fail',
              },
            ],
            after: [
              {
                at: '2025-04-20T00:00:00.000Z',
                actual: '310 ms',
                state: 'fail',
              },
              {
                at: '2025-05-02T00:00:00.000Z',
                actual: '180 ms',
                state: 'pass',
              },
            ],
          },
          {
            checkId: 'availability',
            before: [
              {
                at: '2025-03-17T00:00:00.000Z',
                actual: '99.95%',
                state: 'pass',
              },
            ],
            after: [],
          },
        ]),
      });
      await renderAdrDialog(api);

      const table = within(
        await screen.findByRole('table', { name: 'Decision impact' }),
      );
      // The backend's configured window until the user picks one.
      expect(api.getAdrImpact).toHaveBeenCalledWith(
        'adr-payments-0003',
        undefined,
      );
      expect(
        table.getAllByRole('columnheader').map(h => h.textContent),
      ).toEqual(['Check', 'Before 2025-04-14', 'From 2025-04-14']);
      const [latencyCheck, latencyBefore, latencyAfter] = Array.from(
        screen.getByTestId('governance-adr-impact-p95-latency').children,
      ) as HTMLElement[];
      expect(latencyCheck).toHaveTextContent('p95 latency');
      expect(latencyBefore).toHaveTextContent('420 msFail2025-03-17');
      expect(latencyAfter).toHaveTextContent(
        '310 msFail2025-04-20180 msPass2025-05-02',
      );
      const [availability, before, after] = Array.from(
        screen.getByTestId('governance-adr-impact-availability').children,
      ) as HTMLElement[];
      expect(availability).toHaveTextContent('Availability');
      expect(before).toHaveTextContent('99.95%');
      expect(after).toHaveTextContent('no measurement');

      await userEvent.click(screen.getByRole('button', { name: '12' }));
      await waitFor(() =>
        expect(api.getAdrImpact).toHaveBeenLastCalledWith(
          'adr-payments-0003',
          12,
        ),
      );
    });

    it('says so when nothing was measured around the decision', async () => {
      const api = mockAdrApi({
        getAdr: async () => paymentsAdr(3),
        getAdrImpact: impactOf([
          { checkId: 'coverage', before: [], after: [] },
        ]),
      });
      await renderAdrDialog(api);

      expect(
        await screen.findByText(
          'No measurements in the 30 days around the decision.',
        ),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('table', { name: 'Decision impact' }),
      ).toBeNull();
    });

    it('shows the reason the backend gives when it cannot measure the ADR', async () => {
      const api = mockAdrApi({
        getAdr: async () => paymentsAdr(3),
        getAdrImpact: refusedWith(
          400,
          'The ADR has no date to measure its impact from',
        ),
      });
      await renderAdrDialog(api);

      expect(
        await within(
          await screen.findByTestId('governance-adr-impact'),
        ).findByText('The ADR has no date to measure its impact from'),
      ).toBeInTheDocument();
    });

    it('does not ask for the impact of an ADR without a date', async () => {
      const api = mockAdrApi({ getAdr: async () => paymentsAdr(4) });
      await renderAdrDialog(api, 'adr-payments-0004');

      expect(
        await screen.findByText(
          'This ADR has no date, so there is nothing to measure its impact from.',
        ),
      ).toBeInTheDocument();
      expect(api.getAdrImpact).not.toHaveBeenCalled();
    });
  });

  it('closes on Close', async () => {
    const api = mockAdrApi({ getAdr: byId, getAdrImpact: noImpact });
    const { onClose } = await renderAdrDialog(api);

    const dialog = await findDialog('ADR 3: Publish payment events to Kafka');
    await userEvent.click(dialog.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows why the ADR could not be loaded', async () => {
    const api = mockAdrApi({
      getAdr: refusedWith(404, 'No ADR adr-x'),
    });
    await renderAdrDialog(api, 'adr-x');

    expect(
      await screen.findByText(/The ADR could not be loaded/),
    ).toHaveTextContent('No ADR adr-x');
  });
});
