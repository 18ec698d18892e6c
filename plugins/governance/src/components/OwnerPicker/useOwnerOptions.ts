import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { ownerLabel, OwnerOption } from './matchOwners';

const OWNED_BY = 'relations.ownedBy';

/**
 * Every team or person that owns an entity the caller can see, as Backstage's own owner picker
 * finds them (the catalog's `relations.ownedBy` facet), with their display names. Groups come
 * first, then users, each by name.
 */
export function useOwnerOptions() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<OwnerOption[]> => {
    const { facets } = await catalogApi.getEntityFacets({
      facets: [OWNED_BY],
    });
    const refs = (facets[OWNED_BY] ?? []).map(facet => facet.value);
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    const options = refs.flatMap((ref, i): OwnerOption[] => {
      let parsed;
      try {
        parsed = parseEntityRef(ref);
      } catch {
        return [];
      }
      const entity = items[i];
      const profile = entity?.spec?.profile as
        | { displayName?: unknown }
        | undefined;
      const displayName =
        typeof profile?.displayName === 'string'
          ? profile.displayName
          : entity?.metadata.title;
      return [
        {
          ref,
          kind: parsed.kind.toLocaleLowerCase('en-US'),
          namespace: parsed.namespace,
          name: parsed.name,
          displayName: displayName || undefined,
        },
      ];
    });
    const kindOrder = (o: OwnerOption) => (o.kind === 'group' ? 0 : 1);
    return options.sort(
      (a, b) =>
        kindOrder(a) - kindOrder(b) ||
        ownerLabel(a).localeCompare(ownerLabel(b), 'en-US'),
    );
  }, [catalogApi]);
}
