import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import { useCallback, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { governanceApiRef } from '../api';

interface Received {
  /** The entity the summary is for: a page that moved on to another entity ignores it. */
  entityRef: string;
  summary: EntityGovernanceSummary;
  /** The order in which summaries arrived, so the newest one wins. */
  sequence: number;
}

interface RefreshState {
  entityRef: string;
  refreshing: boolean;
  /** What the last successful refresh returned. */
  received?: Received;
  error?: Error;
}

/**
 * Loads the governance summary of the entity on the current entity page, re-evaluates its
 * scorecard on demand, and reloads it after something changed it (such as a waiver).
 */
export function useEntityGovernanceSummary() {
  const { entity } = useEntity();
  const governanceApi = useApi(governanceApiRef);
  const entityRef = stringifyEntityRef(entity);
  const sequence = useRef(0);

  const {
    value: loaded,
    loading,
    error,
    retry: reload,
  } = useAsyncRetry(async (): Promise<Received> => {
    const summary = await governanceApi.getEntitySummary(entityRef);
    sequence.current += 1;
    return { entityRef, summary, sequence: sequence.current };
  }, [governanceApi, entityRef]);

  const [refreshState, setRefreshState] = useState<RefreshState>();
  const refresh =
    refreshState?.entityRef === entityRef ? refreshState : undefined;
  const current = loaded?.entityRef === entityRef ? loaded : undefined;

  const refreshScorecard = useCallback(async () => {
    setRefreshState(previous => ({
      entityRef,
      refreshing: true,
      received:
        previous?.entityRef === entityRef ? previous.received : undefined,
    }));
    try {
      const summary = await governanceApi.refreshScorecard(entityRef);
      sequence.current += 1;
      setRefreshState({
        entityRef,
        refreshing: false,
        received: { entityRef, summary, sequence: sequence.current },
      });
    } catch (e) {
      setRefreshState(previous => ({
        entityRef,
        refreshing: false,
        received:
          previous?.entityRef === entityRef ? previous.received : undefined,
        error: e as Error,
      }));
    }
  }, [governanceApi, entityRef]);

  // A reload fetches what is stored now; until it answers, the page keeps what it shows.
  const retry = useCallback(() => {
    setRefreshState(previous => previous && { ...previous, error: undefined });
    reload();
  }, [reload]);

  // A refresh and a reload both answer with the whole summary: the one that arrived last wins.
  const newest =
    refresh?.received &&
    (!current || refresh.received.sequence > current.sequence)
      ? refresh.received
      : current;

  return {
    entity,
    summary: newest?.summary,
    // Only the first load of an entity shows progress; a reload keeps the summary on screen.
    loading: loading && !current,
    reloading: loading && !!current,
    error,
    retry,
    refreshScorecard,
    refreshing: refresh?.refreshing ?? false,
    refreshError: refresh?.error,
  };
}
