import { Entity } from '@backstage/catalog-model';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { reviewSettings } from './reviews';

function user(name: string, displayName: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { profile: { displayName }, memberOf: groups },
    relations: groups.map(targetRef => ({ type: 'memberOf', targetRef })),
  };
}

const council = reviewSettings.councilGroup!;

/**
 * Users as the review tests meet them: Li Wei and Amir Khan sit on the council of
 * {@link reviewSettings}; Jane Doe and Sam Lee are on a team only.
 */
export const catalogUsers: Entity[] = [
  user('li.wei', 'Li Wei', [council]),
  user('amir.khan', 'Amir Khan', [council, 'group:default/team-search']),
  user('jane.doe', 'Jane Doe', ['group:default/team-payments']),
  user('sam.lee', 'Sam Lee', ['group:default/team-payments']),
];

/** The catalog of {@link catalogUsers}, in memory. */
export function userCatalogApi() {
  return catalogApiMock({ entities: catalogUsers });
}
