import { Entity, getEntitySourceLocation } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  COMMUNITY_ADR_LOCATION_ANNOTATION,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { pathToFileURL } from 'node:url';

/**
 * The folder URL of an entity's ADRs, or why there is none. A relative location is resolved
 * against the entity's source location (`backstage.io/source-location`, else the location it
 * was read from), as the community ADR plugin's users expect.
 *
 * @internal
 */
export function resolveAdrLocation(
  entity: Entity,
  integrations: ScmIntegrationRegistry,
):
  | { kind: 'none' }
  | { kind: 'url'; url: string }
  | { kind: 'error'; url: string; error: string; detail?: string } {
  // governance/adr-location wins over the community ADR plugin's annotation.
  const annotations = entity.metadata.annotations ?? {};
  const target = (
    annotations[GOVERNANCE_ANNOTATIONS.adrLocation] ??
    annotations[COMMUNITY_ADR_LOCATION_ANNOTATION]
  )?.trim();
  if (!target) {
    return { kind: 'none' };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    return { kind: 'url', url: asFolder(target) };
  }
  let source: { type: string; target: string };
  try {
    source = getEntitySourceLocation(entity);
  } catch {
    return {
      kind: 'error',
      url: target,
      error: `'${target}' is relative, but the entity has no source location to resolve it against; set backstage.io/source-location or use a full URL`,
    };
  }
  if (source.type === 'file') {
    return {
      kind: 'url',
      url: asFolder(new URL(target, pathToFileURL(source.target)).toString()),
    };
  }
  try {
    return {
      kind: 'url',
      url: asFolder(
        integrations.resolveUrl({ url: target, base: source.target }),
      ),
    };
  } catch (e) {
    return {
      kind: 'error',
      url: target,
      error: `Cannot resolve '${target}' against the entity's source location ${source.target}`,
      detail: String(e),
    };
  }
}

function asFolder(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
