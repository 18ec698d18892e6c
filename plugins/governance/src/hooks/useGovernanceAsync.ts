import { useApi } from '@backstage/core-plugin-api';
import { DependencyList } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { GovernanceApi, governanceApiRef } from '../api';

/**
 * Loads something from the governance backend, as `useAsync` does: `load` gets the
 * {@link GovernanceApi} and runs again when it or one of `deps` changes.
 */
export function useGovernanceAsync<T>(
  load: (governanceApi: GovernanceApi) => Promise<T>,
  deps: DependencyList = [],
) {
  const governanceApi = useApi(governanceApiRef);
  return useAsync(() => load(governanceApi), [governanceApi, ...deps]);
}

/**
 * {@link useGovernanceAsync} with a `retry` that loads again, for views that reload after a
 * change.
 */
export function useGovernanceAsyncRetry<T>(
  load: (governanceApi: GovernanceApi) => Promise<T>,
  deps: DependencyList = [],
) {
  const governanceApi = useApi(governanceApiRef);
  return useAsyncRetry(() => load(governanceApi), [governanceApi, ...deps]);
}
