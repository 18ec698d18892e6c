import { useApi, useApiHolder } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { entityOption, OPTION_FIELDS } from './entityOptions';
import { ownerLabel, OwnerOption } from './matchOwners';

const OWNED_BY = 'relations.ownedBy';

/**
 * Every team or person that owns an entity the caller can see, as Backstage's own owner picker
 * finds them (the catalog's `relations.ownedBy` facet), with their display names. Groups come
 * first, then users, each by name.
 */
export function useOwnerOptions() {
  const catalogApi = useApi(catalogApiRef);
  const presentationApi = useApiHolder().get(entityPresentationApiRef);
  return useAsync(async (): Promise<OwnerOption[]> => {
    const { facets } = await catalogApi.getEntityFacets({
      facets: [OWNED_BY],
    });
    const refs = (facets[OWNED_BY] ?? []).map(facet => facet.value);
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: OPTION_FIELDS,
    });
    const options = refs.flatMap(
      (ref, i) => entityOption(ref, items[i], presentationApi) ?? [],
    );
    const kindOrder = (o: OwnerOption) => (o.kind === 'group' ? 0 : 1);
    return options.sort(
      (a, b) =>
        kindOrder(a) - kindOrder(b) ||
        ownerLabel(a).localeCompare(ownerLabel(b), 'en-US'),
    );
  }, [catalogApi, presentationApi]);
}
