import { MockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';

/**
 * An entity of a catalog file (`catalog-info.yaml` in a mock directory, or a path) whose ADRs
 * are in `folder` beside that file, as `annotation` says, owned by team-a: what the ADR tests
 * read. Test support only.
 */
export function adrLocationEntity(
  catalog: MockDirectory | string,
  kind: string,
  name: string,
  folder: string,
  spec: Record<string, string> = {},
  annotation = 'governance/adr-location',
): Entity {
  const catalogFile =
    typeof catalog === 'string'
      ? catalog
      : catalog.resolve('catalog-info.yaml');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': `file:${catalogFile}`,
        [annotation]: folder,
      },
    },
    spec: { owner: 'team-a', ...spec },
  };
}
