import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import { Duration } from 'luxon';
import { GovernanceApi } from '../../api';
import { useGovernanceAsync } from '../../hooks/useGovernanceAsync';

/** How long a row reuses a level it loaded: sorting or paging back does not ask again. */
const REUSE_FOR = Duration.fromObject({ minutes: 1 });

const loaded = new WeakMap<
  GovernanceApi,
  Map<string, { at: number; level: Promise<EntityGovernanceSummary['level']> }>
>();

// The catalog table remounts its rows when it sorts or pages; each row would load its level
// again without this. Failed loads are forgotten, so the next render tries again.
function loadLevel(api: GovernanceApi, entityRef: string) {
  let byRef = loaded.get(api);
  if (!byRef) {
    byRef = new Map();
    loaded.set(api, byRef);
  }
  const cached = byRef.get(entityRef);
  if (cached && Date.now() - cached.at < REUSE_FOR.toMillis()) {
    return cached.level;
  }
  const level = api.getEntitySummary(entityRef).then(summary => summary.level);
  level.catch(() => byRef!.delete(entityRef));
  byRef.set(entityRef, { at: Date.now(), level });
  return level;
}

/** The maturity level of one entity, from its governance summary. */
export function useEntityLevel(entityRef: string) {
  return useGovernanceAsync(api => loadLevel(api, entityRef), [entityRef]);
}
