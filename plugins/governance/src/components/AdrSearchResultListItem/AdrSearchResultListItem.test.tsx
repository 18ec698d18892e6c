import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { GovernanceAdrDocument } from '@catalog-governance/backstage-plugin-governance-common';
import { AdrSearchResultListItem } from './AdrSearchResultListItem';

const withCatalog = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

const document: GovernanceAdrDocument = {
  title: 'ADR 2: Use Postgres for the ledger',
  text: 'We store the ledger in Postgres because it gives us transactions.',
  location: '/catalog/default/component/payments/governance?adr=adr-2',
  adrId: 'adr-2',
  entityRef: 'component:default/payments',
  number: 2,
  status: 'accepted',
  date: '2024-02-01',
};

describe('AdrSearchResultListItem', () => {
  it('links the ADR title to the ADR in its Governance tab and shows status, entity and day', async () => {
    await renderInTestApp(
      <AdrSearchResultListItem result={document} />,
      withCatalog,
    );

    expect(
      screen.getByRole('link', { name: 'ADR 2: Use Postgres for the ledger' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/governance?adr=adr-2',
    );
    expect(screen.getByText('accepted')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'payments' })).toBeInTheDocument();
    expect(screen.getByText('Decided 2024-02-01')).toBeInTheDocument();
    expect(screen.getByText(/gives us transactions/)).toBeInTheDocument();
  });

  it('highlights the words that matched the search', async () => {
    await renderInTestApp(
      <AdrSearchResultListItem
        result={document}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: { text: 'the ledger in <em>Postgres</em>' },
        }}
      />,
      withCatalog,
    );
    expect(screen.getByText('Postgres').tagName).toBe('MARK');
  });

  it('says when the ADR status could not be read', async () => {
    const unread: GovernanceAdrDocument = {
      ...document,
      status: 'unknown',
      date: undefined,
    };
    await renderInTestApp(
      <AdrSearchResultListItem result={unread} />,
      withCatalog,
    );
    expect(screen.getByText('Status unknown')).toBeInTheDocument();
    expect(screen.queryByText(/Decided/)).not.toBeInTheDocument();
  });

  it('renders nothing without a result', async () => {
    await renderInTestApp(
      <div data-testid="empty">
        <AdrSearchResultListItem />
      </div>,
    );
    expect(screen.getByTestId('empty')).toBeEmptyDOMElement();
  });
});
