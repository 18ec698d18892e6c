import { Entity } from '@backstage/catalog-model';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  };
}

function group(name: string, displayName: string, namespace = 'default') {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace },
    spec: { type: 'team', profile: { displayName }, children: [] },
  };
}

/**
 * A catalog with three owning teams and one owning person, named as the example app names
 * them: group `team-payments` shows as "Payments". Team Payroll owns nothing, so no picker
 * offers it.
 */
export const ownerEntities: Entity[] = [
  group('team-payments', 'Payments'),
  group('team-search', 'Search'),
  group('payments-platform', 'Payments Platform', 'finance'),
  group('team-payroll', 'Payroll'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane.doe', namespace: 'default' },
    spec: { profile: { displayName: 'Jane Doe' }, memberOf: [] },
  },
  component('payments-api', 'group:default/team-payments'),
  component('search-api', 'group:default/team-search'),
  component('ledger', 'group:finance/payments-platform'),
  component('jane-tools', 'user:default/jane.doe'),
];

/** The catalog of {@link ownerEntities}, in memory. */
export function ownerCatalogApi() {
  return catalogApiMock({ entities: ownerEntities });
}
