import { MockDirectory } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';

/**
 * An entity of the catalog file in `dir` whose ADRs are in `folder` below it, owned by
 * team-a: what the ADR tests read from a mock directory. Test support only.
 */
export function adrLocationEntity(
  dir: MockDirectory,
  kind: string,
  name: string,
  folder: string,
  spec: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': `file:${dir.resolve(
          'catalog-info.yaml',
        )}`,
        'governance/adr-location': folder,
      },
    },
    spec: { owner: 'team-a', ...spec },
  };
}
