import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  MockEntityListContextProvider,
} from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTierColumn } from './createTierColumn';
import { EntityTierFilter } from './EntityTierFilter';
import { EntityTierPicker } from './EntityTierPicker';

const entity = (name: string, tier?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    ...(tier ? { annotations: { 'governance/tier': tier } } : {}),
  },
});

describe('EntityTierFilter', () => {
  it('asks the catalog for the entities of the chosen tiers', () => {
    const filter = new EntityTierFilter(['critical', 'core']);
    expect(filter.getCatalogQuery()).toEqual({
      'metadata.annotations.governance/tier': { $in: ['critical', 'core'] },
    });
    expect(filter.toQueryValue()).toEqual(['critical', 'core']);
    expect(new EntityTierFilter([]).getCatalogQuery()).toBeUndefined();
  });

  it.each([
    ['critical', true],
    ['supporting', false],
    [undefined, false],
  ])('keeps an entity of tier %s: %s', (tier, kept) => {
    expect(
      new EntityTierFilter(['critical', 'core']).filterEntity(
        entity('payments', tier),
      ),
    ).toBe(kept);
  });
});

describe('createTierColumn', () => {
  const column = createTierColumn();

  it('shows the tier as written in the annotation, and nothing without one', async () => {
    await renderInTestApp(
      <>
        {column.render!({ entity: entity('payments', 'critical') }, 'row')}
        {column.render!({ entity: entity('legacy') }, 'row')}
      </>,
    );
    expect(screen.getByText('critical')).toBeInTheDocument();
    expect(screen.getAllByTestId('governance-tier')).toHaveLength(1);
  });

  it('sorts by tier name, entities without a tier last', () => {
    const rows = [
      entity('a'),
      entity('b', 'supporting'),
      entity('c', 'core'),
      entity('d', 'critical'),
    ].map(e => ({ entity: e }));
    rows.sort((x, y) => column.customSort!(x, y, 'row'));
    expect(rows.map(row => row.entity.metadata.name)).toEqual([
      'c',
      'd',
      'b',
      'a',
    ]);
    expect(createTierColumn({ title: 'Governance tier' }).title).toBe(
      'Governance tier',
    );
  });
});

describe('EntityTierPicker', () => {
  it('offers the tiers the catalog holds and filters the list by the one picked', async () => {
    const catalogApi = catalogApiMock.mock({
      getEntityFacets: jest.fn(async () => ({
        facets: {
          'metadata.annotations.governance/tier': [
            { value: 'critical', count: 4 },
            { value: 'core', count: 2 },
          ],
        },
      })),
    });
    const updateFilters = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
        <MockEntityListContextProvider value={{ updateFilters }}>
          <EntityTierPicker />
        </MockEntityListContextProvider>
      </TestApiProvider>,
    );
    await userEvent.click(await screen.findByTestId('tier-picker-expand'));
    await userEvent.click(await screen.findByText(/critical/));
    await waitFor(() =>
      expect(updateFilters).toHaveBeenLastCalledWith({
        tier: new EntityTierFilter(['critical']),
      }),
    );
    expect(screen.getByText('Tier')).toBeInTheDocument();
  });
});
