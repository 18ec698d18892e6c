import {
  AnnotationProblemPage,
  AnnotationProblemRecord,
} from '@catalog-governance/backstage-plugin-governance-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GovernanceApi } from '../../api';
import { ownerCatalogApi } from '../../__testUtils__/catalogOwners';
import { mockComplianceApi } from '../../__testUtils__/mockGovernanceApi';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { renderInGovernanceApp } from '../../__testUtils__/renderInGovernanceApp';
import { CatalogAnnotationsView } from './CatalogAnnotationsView';

const PAYMENTS = 'group:default/team-payments';

const billing: AnnotationProblemRecord = {
  entityRef: 'component:default/billing-legacy',
  owner: PAYMENTS,
  key: 'governance/tier',
  value: 'platinum',
  allowed: 'one of the configured tiers: critical, core, supporting',
  severity: 'held-back',
  sourceLocation:
    'url:https://git.example.com/billing/blob/main/catalog-info.yaml',
  recordedAt: '2026-12-06T10:00:00.000Z',
};

const search: AnnotationProblemRecord = {
  entityRef: 'component:default/search',
  owner: 'group:default/team-search',
  key: 'governance/runbook',
  value: 'wiki page',
  allowed:
    'an absolute http(s) URL, such as https://grafana.example.com/d/payments',
  severity: 'warning',
  sourceLocation: 'file:/catalog/search.yaml',
  recordedAt: '2026-12-06T10:00:00.000Z',
};

async function problems(
  query: { owner?: string; offset?: number; limit?: number } = {},
): Promise<AnnotationProblemPage> {
  const items = [billing, search].filter(
    p => query.owner === undefined || p.owner === query.owner,
  );
  return {
    items,
    totalItems: items.length,
    offset: query.offset ?? 0,
    limit: query.limit ?? 25,
  };
}

async function renderView(api: GovernanceApi) {
  await renderInGovernanceApp(<CatalogAnnotationsView />, {
    api,
    catalogApi: ownerCatalogApi(),
  });
}

describe('CatalogAnnotationsView', () => {
  it('lists each invalid annotation with its entity, value, what is allowed, severity and source', async () => {
    await renderView(
      mockComplianceApi({ listAnnotationProblems: jest.fn(problems) }),
    );

    const row = await screen.findByTestId(
      'annotation-problem-component:default/billing-legacy-governance/tier',
    );
    expect(
      within(row).getByRole('link', { name: /billing-legacy/ }),
    ).toHaveAttribute('href', '/catalog/default/component/billing-legacy');
    expect(row).toHaveTextContent('governance/tier');
    expect(row).toHaveTextContent('platinum');
    expect(row).toHaveTextContent(
      'one of the configured tiers: critical, core, supporting',
    );
    expect(row).toHaveTextContent('Held back');
    expect(
      within(row).getByRole('link', { name: /git\.example\.com/ }),
    ).toHaveAttribute(
      'href',
      'https://git.example.com/billing/blob/main/catalog-info.yaml',
    );
    const warned = screen.getByTestId(
      'annotation-problem-component:default/search-governance/runbook',
    );
    expect(warned).toHaveTextContent('Warning');
    expect(warned).toHaveTextContent('file:/catalog/search.yaml');
  });

  it('narrows the list to the owner picked by name', async () => {
    const listAnnotationProblems = jest.fn(problems);
    await renderView(mockComplianceApi({ listAnnotationProblems }));
    await screen.findByTestId(
      'annotation-problem-component:default/search-governance/runbook',
    );

    await userEvent.type(screen.getByLabelText('Owner'), 'Payments{enter}');

    await waitFor(() =>
      expect(listAnnotationProblems).toHaveBeenLastCalledWith({
        owner: PAYMENTS,
        offset: 0,
        limit: 25,
      }),
    );
    await waitFor(() =>
      expect(
        screen.queryByTestId(
          'annotation-problem-component:default/search-governance/runbook',
        ),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.getByTestId(
        'annotation-problem-component:default/billing-legacy-governance/tier',
      ),
    ).toBeInTheDocument();
  });

  it('says every annotation is valid when the scan found nothing', async () => {
    await renderView(
      mockComplianceApi({
        listAnnotationProblems: async () => ({
          items: [],
          totalItems: 0,
          offset: 0,
          limit: 25,
        }),
      }),
    );
    expect(
      await screen.findByText(
        "No annotation problems: every governed entity's annotations are valid",
      ),
    ).toBeInTheDocument();
  });

  it('shows why the list could not be loaded', async () => {
    await renderView(
      mockComplianceApi({
        listAnnotationProblems: refusedWith(
          503,
          'The governance database is down',
        ),
      }),
    );
    expect(
      (await screen.findAllByText(/The governance database is down/))[0],
    ).toBeInTheDocument();
  });

  it('downloads the problems of the picked owner as CSV', async () => {
    const clicked: HTMLAnchorElement[] = [];
    URL.createObjectURL = jest.fn(() => 'blob:annotations');
    URL.revokeObjectURL = jest.fn();
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this);
      });
    const csv = new Blob(['entity\r\n'], { type: 'text/csv' });
    const api = mockComplianceApi({
      listAnnotationProblems: jest.fn(problems),
      exportAnnotationProblemsCsv: async () => csv,
    });
    await renderView(api);
    await userEvent.type(screen.getByLabelText('Owner'), 'Payments{enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(api.exportAnnotationProblemsCsv).toHaveBeenCalledWith({
      owner: PAYMENTS,
    });
    expect(URL.createObjectURL).toHaveBeenCalledWith(csv);
    expect(clicked[0]).toHaveAttribute('download', 'annotation-problems.csv');
    jest.restoreAllMocks();
  });
});
