import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * A spec field naming another entity (`spec.owner`, `spec.system`, `spec.domain`) as a full
 * ref, with the catalog's defaults for kind and namespace; absent when missing or malformed.
 *
 * @internal
 */
export function specRef(
  entity: Entity,
  field: 'owner' | 'system' | 'domain',
  defaultKind: string,
): string | undefined {
  const value = entity.spec?.[field];
  if (typeof value !== 'string' || value === '') {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}
