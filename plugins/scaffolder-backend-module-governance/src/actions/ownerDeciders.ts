import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  RELATION_HAS_MEMBER,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

function displayNameOf(entity: Entity): string {
  const profile = (entity.spec?.profile ?? {}) as { displayName?: unknown };
  if (typeof profile.displayName === 'string' && profile.displayName.trim()) {
    return profile.displayName.trim();
  }
  return entity.metadata.title?.trim() || entity.metadata.name;
}

/**
 * The display names of the people who own the entity: the members of its owner group, or the
 * owner itself when a user owns it. Read with the initiator's credentials, so nobody learns
 * more of the organisation through a template than the catalog shows them.
 */
export async function ownerDeciders(
  entity: Entity,
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<string[]> {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    return [];
  }
  const ownerRef = parseEntityRef(owner, {
    defaultKind: 'group',
    defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
  });
  const ownerEntity = await catalog.getEntityByRef(ownerRef, { credentials });
  if (!ownerEntity) {
    return [];
  }
  if (ownerEntity.kind.toLocaleLowerCase('en-US') === 'user') {
    return [displayNameOf(ownerEntity)];
  }
  const memberRefs = (ownerEntity.relations ?? [])
    .filter(relation => relation.type === RELATION_HAS_MEMBER)
    .map(relation => relation.targetRef);
  if (memberRefs.length === 0) {
    return [];
  }
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: memberRefs, fields: ['kind', 'metadata', 'spec.profile'] },
    { credentials },
  );
  const names = items.flatMap(member =>
    member ? [displayNameOf(member)] : [],
  );
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en'));
}
