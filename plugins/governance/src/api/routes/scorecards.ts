import { GovernanceApi } from '../GovernanceApi';
import { Send, forEntity } from './send';

/** The calls about one entity's scorecard. */
export const scorecardRoutes = (send: Send) =>
  ({
    getEntitySummary: entityRef =>
      send(api => api.request('get', '/summary', forEntity(entityRef))),
    refreshScorecard: entityRef =>
      send(api =>
        api.request('post', '/scorecard/refresh', forEntity(entityRef)),
      ),
    getScorecardTrend: (entityRef, days) =>
      send(api =>
        api.request('get', '/scorecard/trend', {
          params: { query: { entityRef, days } },
        }),
      ),
  } satisfies Partial<GovernanceApi>);
