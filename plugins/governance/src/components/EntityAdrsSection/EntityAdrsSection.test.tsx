import {
  COMMUNITY_ADR_LOCATION_ANNOTATION,
  EntityAdrs,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { noImpact } from '../../__testUtils__/adrDialog';
import {
  paymentsAdr,
  paymentsAdrById,
  paymentsAdrs,
  paymentsEntityAdrs,
} from '../../__testUtils__/adrs';
import { annotatedEntity } from '../../__testUtils__/entities';
import { mockAdrApi } from '../../__testUtils__/mockGovernanceApi';
import { entitySectionTest } from '../../__testUtils__/entitySections';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { refusedWith, responseError } from '../../__testUtils__/responseErrors';
import { GovernanceApi } from '../../api';
import { EntityAdrsSection } from './EntityAdrsSection';

const { entityRef, renderSection, rowCells } = entitySectionTest(
  EntityAdrsSection,
  'governance-adr-',
);
const locationUrl = 'https://github.com/acme/payments-api/tree/main/docs/adr';

/** Expects the ADR dialog to open on `title`, loaded by `adrId`. */
async function expectAdrOpened(
  api: jest.Mocked<GovernanceApi>,
  title: string,
  adrId: string,
) {
  const dialog = await screen.findByRole('dialog', { name: title });
  expect(dialog).toBeInTheDocument();
  expect(api.getAdr).toHaveBeenCalledWith(adrId);
  return dialog;
}

/** An API answering payments-api's ADRs, and each one by its id, with no impact measured. */
const paymentsAdrApi = () =>
  mockAdrApi({
    getEntityAdrs: async () => paymentsEntityAdrs,
    getAdr: paymentsAdrById,
    getAdrImpact: noImpact,
  });

function adrRow(numberOrPath: number | string) {
  return within(screen.getByTestId(`governance-adr-${numberOrPath}`));
}

describe('EntityAdrsSection', () => {
  it('explains the ADR location annotation, with a snippet to copy, when none is configured', async () => {
    const api = mockAdrApi({
      getEntityAdrs: async () => ({
        entityRef,
        location: { status: 'not-configured' },
        items: [],
      }),
    });
    await renderSection(api);

    const example = await screen.findByTestId(
      'governance-adr-location-example',
    );
    expect(example).toHaveTextContent(GOVERNANCE_ANNOTATIONS.adrLocation);
    expect(example).toHaveTextContent(COMMUNITY_ADR_LOCATION_ANNOTATION);
    expect(example).toHaveTextContent(
      `${GOVERNANCE_ANNOTATIONS.adrLocation}: docs/adr`,
    );
    expect(
      within(example).getByRole('button', { name: /copy/i }),
    ).toBeInTheDocument();
    // Nothing to read, so nothing to refresh.
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(api.getEntityAdrs).toHaveBeenCalledWith(entityRef);
  });

  it('shows why the location could not be read and where it points, not an empty list', async () => {
    const api = mockAdrApi({
      getEntityAdrs: async () => ({
        entityRef,
        location: {
          status: 'error',
          url: locationUrl,
          readAt: '2025-11-24T06:00:00.000Z',
          error:
            'NotAllowedError: Reading from https://github.com/acme/payments-api is not allowed by backend.reading.allow',
        },
        items: [],
      }),
    });
    await renderSection(api);

    const alert = await screen.findByTestId('governance-adr-location-error');
    expect(alert).toHaveTextContent('The ADRs could not be read');
    expect(alert).toHaveTextContent(
      'Reading from https://github.com/acme/payments-api is not allowed by backend.reading.allow',
    );
    expect(
      within(alert).getByRole('link', { name: new RegExp(`^${locationUrl}`) }),
    ).toHaveAttribute('href', locationUrl);
    expect(alert).toHaveTextContent('Last tried 2025-11-24 06:00 UTC');
    expect(screen.queryByText(/No ADR files found/)).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says the ADRs are being read and reads them on Refresh', async () => {
    let finishRefresh: (adrs: EntityAdrs) => void = () => {};
    const api = mockAdrApi({
      getEntityAdrs: async () => ({
        entityRef,
        location: { status: 'pending', url: locationUrl },
        items: [],
      }),
      refreshEntityAdrs: () =>
        new Promise(resolve => {
          finishRefresh = resolve;
        }),
    });
    await renderSection(api);

    const pending = await screen.findByTestId('governance-adr-pending');
    expect(pending).toHaveTextContent(
      `ADRs are being read from ${locationUrl}`,
    );
    await userEvent.click(
      within(pending).getByRole('button', { name: 'Refresh' }),
    );
    expect(api.refreshEntityAdrs).toHaveBeenCalledWith(entityRef);
    expect(screen.getByRole('button', { name: 'Refreshing…' })).toBeDisabled();

    await act(async () => finishRefresh(paymentsEntityAdrs));
    expect(screen.queryByTestId('governance-adr-pending')).toBeNull();
    expect(
      screen.getByRole('table', { name: 'Architecture decisions' }),
    ).toBeInTheDocument();
    expect(
      adrRow(3).getByText('Publish payment events to Kafka'),
    ).toBeVisible();
  });

  it('says where it looked when the location holds no ADR file', async () => {
    const api = mockAdrApi({
      getEntityAdrs: async () => ({
        ...paymentsEntityAdrs,
        items: [],
      }),
    });
    await renderSection(api);

    const message = await screen.findByText(/No ADR files found at/);
    expect(message).toHaveTextContent(
      /^No ADR files found at https:\/\/github.com\/acme\/payments-api\/tree\/main\/docs\/adr.* matching the file pattern/,
    );
    expect(
      within(message).getByRole('link', {
        name: new RegExp(`^${locationUrl}`),
      }),
    ).toHaveAttribute('href', locationUrl);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists the ADRs by number with status, date, deciders and retrospective', async () => {
    const api = mockAdrApi({ getEntityAdrs: async () => paymentsEntityAdrs });
    await renderSection(api);

    const table = await screen.findByRole('table', {
      name: 'Architecture decisions',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(
      1 + paymentsAdrs.length,
    );
    expect(screen.getByText(/read 2025-11-24 06:00 UTC/)).toBeInTheDocument();

    expect(rowCells(1)).toEqual([
      '1',
      'Record architecture decisions',
      'accepted',
      '2025-03-03',
      'jane.doe, amir.khan',
      'Retrospective recorded 2025-06-20: validated',
    ]);
    expect(rowCells(3)).toEqual([
      '3',
      'Publish payment events to Kafka',
      'accepted',
      '2025-04-14',
      'jane.doe, amir.khan',
      'Retrospective overdue since 2025-10-14',
    ]);
    expect(rowCells(5)[5]).toBe('Not yet due (due 2026-02-20)');
    expect(adrRow(3).getByTestId('governance-adr-status')).toHaveAttribute(
      'data-status',
      'accepted',
    );
    expect(
      adrRow(3).getByTestId('governance-adr-retrospective'),
    ).toHaveAttribute('data-state', 'overdue');

    // Superseded names its successor, linked.
    expect(adrRow(2).getByTestId('governance-adr-status')).toHaveTextContent(
      'superseded by ADR 5',
    );
    expect(
      adrRow(2).getByRole('button', { name: 'ADR 5' }),
    ).toBeInTheDocument();
    // A proposed ADR has no retrospective.
    expect(
      adrRow(4).getByTestId('governance-adr-retrospective'),
    ).toHaveTextContent('—');
  });

  it('lists what the parser could not read in a tooltip on the warnings icon', async () => {
    const api = mockAdrApi({ getEntityAdrs: async () => paymentsEntityAdrs });
    await renderSection(api);

    await screen.findByRole('table', { name: 'Architecture decisions' });
    expect(
      adrRow(3).queryByRole('button', { name: /parser warning/ }),
    ).toBeNull();
    const icon = adrRow(4).getByRole('button', { name: '2 parser warnings' });
    await userEvent.hover(icon);

    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent(
      'No date: add a "date" to the front matter or a "Date:" line',
    );
    expect(tooltip).toHaveTextContent('No deciders listed');
  });

  it('lists an ADR without a number by its path', async () => {
    const api = mockAdrApi({
      getEntityAdrs: async () => ({
        ...paymentsEntityAdrs,
        items: [
          {
            ...paymentsAdrs[0],
            id: 'adr-readme',
            number: undefined,
            path: 'decisions.md',
            title: 'decisions.md',
            warnings: ['No number: name the file like 0001-title.md'],
          },
        ],
      }),
    });
    await renderSection(api);

    expect(
      await screen.findByTestId('governance-adr-decisions.md'),
    ).toHaveTextContent('decisions.md');
  });

  it('opens an ADR from its title, showing its rendered body', async () => {
    const api = mockAdrApi({
      getEntityAdrs: async () => paymentsEntityAdrs,
      getAdr: async () =>
        paymentsAdr(3, {
          body: '## Context\n\nCheckout needs payment events **in order**.\n',
        }),
      getAdrImpact: noImpact,
    });
    await renderSection(api);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Publish payment events to Kafka',
      }),
    );

    const dialog = await expectAdrOpened(
      api,
      'ADR 3: Publish payment events to Kafka',
      'adr-payments-0003',
    );
    const body = within(dialog).getByTestId('governance-adr-body');
    expect(
      await within(body).findByRole('heading', { name: 'Context' }),
    ).toBeInTheDocument();
    expect(within(body).getByText('in order').tagName).toBe('STRONG');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('opens the ADR a link names (?adr=), as a search result does', async () => {
    const api = paymentsAdrApi();
    await renderForEntity(<EntityAdrsSection entityRef={entityRef} />, {
      entity: annotatedEntity,
      api,
      routeEntries: ['/?adr=adr-payments-0003'],
    });

    await expectAdrOpened(
      api,
      'ADR 3: Publish payment events to Kafka',
      'adr-payments-0003',
    );
  });

  it('opens the superseding ADR from the status of a superseded one', async () => {
    const api = paymentsAdrApi();
    await renderSection(api);

    await screen.findByRole('table', { name: 'Architecture decisions' });
    await userEvent.click(adrRow(2).getByRole('button', { name: 'ADR 5' }));

    await expectAdrOpened(
      api,
      'ADR 5: Use PostgreSQL for the ledger',
      'adr-payments-0005',
    );
  });

  it('shows the reason when the ADRs cannot be loaded at all', async () => {
    const api = mockAdrApi({
      getEntityAdrs: refusedWith(
        404,
        'No entity component:default/payments-api in the catalog',
      ),
    });
    await renderSection(api);

    expect(
      await screen.findByText('Error: Request failed with 404 Not Found'),
    ).toBeInTheDocument();
    expect(screen.getByText('404: NotFoundError')).toBeInTheDocument();
  });

  it('keeps the list and shows the reason when a refresh fails', async () => {
    const api = mockAdrApi({
      getEntityAdrs: async () => paymentsEntityAdrs,
      refreshEntityAdrs: async () => {
        throw await responseError(503, 'Service Unavailable', {
          error: { name: 'Error', message: 'github.com is not reachable' },
          request: { method: 'POST', url: '/api/governance/adrs/refresh' },
          response: { statusCode: 503 },
        });
      },
    });
    await renderSection(api);

    await screen.findByRole('table', { name: 'Architecture decisions' });
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByText(/The ADRs were not refreshed/),
    ).toHaveTextContent('github.com is not reachable');
    expect(
      screen.getByRole('table', { name: 'Architecture decisions' }),
    ).toBeInTheDocument();
  });
});
