import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityGovernanceSummary } from '@internal/backstage-plugin-governance-common';
import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { governanceApiRef } from '../api';

interface RefreshState {
  /** The entity the refresh was for: a page that moved on to another entity ignores it. */
  entityRef: string;
  refreshing: boolean;
  /** The summary the last successful refresh returned. */
  summary?: EntityGovernanceSummary;
  error?: Error;
}

/**
 * Loads the governance summary of the entity on the current entity page, and re-evaluates
 * its scorecard on demand.
 */
export function useEntityGovernanceSummary() {
  const { entity } = useEntity();
  const governanceApi = useApi(governanceApiRef);
  const entityRef = stringifyEntityRef(entity);

  const {
    value,
    loading,
    error,
    retry: reload,
  } = useAsyncRetry(
    () => governanceApi.getEntitySummary(entityRef),
    [governanceApi, entityRef],
  );

  const [refreshState, setRefreshState] = useState<RefreshState>();
  const refresh =
    refreshState?.entityRef === entityRef ? refreshState : undefined;

  const refreshScorecard = useCallback(async () => {
    setRefreshState(previous => ({
      entityRef,
      refreshing: true,
      summary: previous?.entityRef === entityRef ? previous.summary : undefined,
    }));
    try {
      const summary = await governanceApi.refreshScorecard(entityRef);
      setRefreshState({ entityRef, refreshing: false, summary });
    } catch (e) {
      setRefreshState(previous => ({
        entityRef,
        refreshing: false,
        summary:
          previous?.entityRef === entityRef ? previous.summary : undefined,
        error: e as Error,
      }));
    }
  }, [governanceApi, entityRef]);

  // A reload fetches what is stored now, which is at least as new as the last refresh.
  const retry = useCallback(() => {
    setRefreshState(undefined);
    reload();
  }, [reload]);

  return {
    entity,
    // The refresh answers with the whole summary, so it replaces the loaded one.
    summary: refresh?.summary ?? value,
    loading,
    error,
    retry,
    refreshScorecard,
    refreshing: refresh?.refreshing ?? false,
    refreshError: refresh?.error,
  };
}
