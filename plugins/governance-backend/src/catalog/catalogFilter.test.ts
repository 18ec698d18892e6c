import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  MAX_FILTER_CONDITIONS,
  parseCatalogFilter,
  readCatalogFilterMatches,
} from './catalogFilter';

describe('parseCatalogFilter', () => {
  it.each([
    [
      'reads the catalog filter syntax: every condition holds, key alone means the field exists',
      'spec.lifecycle=production, metadata.tags = pci ,metadata.annotations.backstage.io/techdocs-ref',
      {
        'spec.lifecycle': 'production',
        'metadata.tags': 'pci',
        'metadata.annotations.backstage.io/techdocs-ref': CATALOG_FILTER_EXISTS,
      },
    ],
    [
      'matches either value of a key given twice, as the catalog does',
      'kind=component,spec.type=service,kind=api',
      { kind: ['component', 'api'], 'spec.type': 'service' },
    ],
    [
      'takes the value of a key given alone and with a value',
      'spec.owner,spec.owner=team-a',
      { 'spec.owner': 'team-a' },
    ],
    [
      'keeps everything after the first = as the value',
      'metadata.annotations.a/b=x=y',
      { 'metadata.annotations.a/b': 'x=y' },
    ],
  ])('%s', (_behaviour, text, filter) => {
    expect(parseCatalogFilter(text)).toEqual(filter);
  });

  it.each([
    ['kind=component,', 'condition 2 "" is empty'],
    ['=component', 'condition 1 "=component" has no key'],
    [
      'kind=component,spec.type=',
      'condition 2 "spec.type=" has no value after =',
    ],
    [
      'spec lifecycle=production',
      'condition 1 "spec lifecycle=production" has the key "spec lifecycle", which may hold only letters, digits and . _ - / :',
    ],
  ])(
    'refuses %j, naming the condition and the allowed form',
    (text, problem) => {
      expect(() => parseCatalogFilter(text)).toThrow(
        `${problem}; write conditions joined by commas, each key=value or key alone (the field exists), such as spec.lifecycle=production,metadata.tags=pci`,
      );
    },
  );

  it(`allows at most ${MAX_FILTER_CONDITIONS} conditions`, () => {
    const conditions = (n: number) =>
      Array.from({ length: n }, (_, i) => `metadata.labels.l${i}=x`).join(',');
    expect(Object.keys(parseCatalogFilter(conditions(20)))).toHaveLength(20);
    expect(() => parseCatalogFilter(conditions(21))).toThrow(
      'has 21 conditions; at most 20 are allowed',
    );
  });
});

describe('readCatalogFilterMatches', () => {
  const component = (name: string, lifecycle: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: name === 'Ledger' ? 'finance' : 'default' },
    spec: { lifecycle },
  });

  it('returns the lower-case refs of the entities the catalog matches', async () => {
    const catalog = catalogServiceMock({
      entities: [
        component('payments', 'production'),
        component('Ledger', 'production'),
        component('search', 'experimental'),
      ],
    });
    const matches = await readCatalogFilterMatches({
      catalog,
      credentials: mockCredentials.service(),
      filter: 'spec.lifecycle=production',
    });
    expect([...matches].sort()).toEqual([
      'component:default/payments',
      'component:finance/ledger',
    ]);
  });
});
