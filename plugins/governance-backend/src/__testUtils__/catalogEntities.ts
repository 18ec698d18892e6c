import { Entity } from '@backstage/catalog-model';

// The catalog entities backend tests govern, in one place so each test's catalog reads the same
// way and a change to what governance reads from an entity is made once.

/** A production service owned by `owner` (`team-a` unless said otherwise). */
export function component(
  name: string,
  annotations: Record<string, string> = {},
  owner = 'team-a',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/**
 * A component of a tier, owned by `team-a` unless said otherwise: the entity most backend
 * tests govern. `annotations` adds to the tier.
 */
export function tieredComponent(
  name: string,
  tier = 'core',
  owner = 'team-a',
  annotations: Record<string, string> = {},
): Entity {
  return component(name, { 'governance/tier': tier, ...annotations }, owner);
}

/** A team whose members are these user refs, as the catalog's `hasMember` relations say. */
export function teamGroup(name: string, members: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', children: [] },
    relations: members.map(targetRef => ({ type: 'hasMember', targetRef })),
  };
}

/**
 * A service as the scorecard engine tests describe it: a group owns it, it has no lifecycle,
 * it depends on the entities `dependsOn` names and, as the catalog also says in its own
 * relations, the ones `dependencyOf` names depend on it (no relations when neither is given).
 */
export function evaluatedService(
  name: string,
  annotations: Record<string, string> = {},
  options: {
    kind?: string;
    owner?: string;
    dependsOn?: string[];
    dependencyOf?: string[];
  } = {},
): Entity {
  const { kind = 'Component', owner = 'group:default/team-payments' } = options;
  const { dependsOn, dependencyOf } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, annotations },
    spec: { type: 'service', owner },
    ...((dependsOn || dependencyOf) && {
      relations: [
        ...(dependsOn ?? []).map(targetRef => ({
          type: 'dependsOn',
          targetRef,
        })),
        ...(dependencyOf ?? []).map(targetRef => ({
          type: 'dependencyOf',
          targetRef,
        })),
      ],
    }),
  };
}
