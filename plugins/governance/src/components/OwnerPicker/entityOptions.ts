import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  EntityPresentationApi,
  entityPresentationSnapshot,
} from '@backstage/plugin-catalog-react';
import { OwnerOption } from './matchOwners';

/** The fields the pickers ask the catalog for: what entity presentation needs for a name. */
export const OPTION_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile.displayName',
];

/**
 * An entity as a picker option, named the way the rest of Backstage names it (the app's entity
 * presentation, else its display name or title). Undefined for a ref that does not parse.
 */
export function entityOption(
  ref: string,
  entity: Entity | undefined,
  presentationApi: EntityPresentationApi | undefined,
): OwnerOption | undefined {
  let parsed;
  try {
    parsed = parseEntityRef(ref);
  } catch {
    return undefined;
  }
  const title = entity
    ? entityPresentationSnapshot(entity, undefined, presentationApi)
        .primaryTitle
    : undefined;
  return {
    ref,
    kind: parsed.kind.toLocaleLowerCase('en-US'),
    namespace: parsed.namespace,
    name: parsed.name,
    displayName: title && title !== parsed.name ? title : undefined,
  };
}
