import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { governanceApiRef } from '../api';

/**
 * Loads the governance summary of the entity on the current entity page.
 */
export function useEntityGovernanceSummary() {
  const { entity } = useEntity();
  const governanceApi = useApi(governanceApiRef);
  const entityRef = stringifyEntityRef(entity);

  const { value, loading, error, retry } = useAsyncRetry(
    () => governanceApi.getEntitySummary(entityRef),
    [governanceApi, entityRef],
  );

  return { entity, summary: value, loading, error, retry };
}
