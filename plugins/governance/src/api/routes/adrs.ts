import { GovernanceApi } from '../GovernanceApi';
import { Send, byId, forEntity, unlessEmpty, writeTo } from './send';

/** The calls about architecture decision records, their impact and retrospectives. */
export const adrRoutes = (send: Send) =>
  ({
    getEntityAdrs: entityRef =>
      send(api => api.request('get', '/adrs', forEntity(entityRef))),
    refreshEntityAdrs: entityRef =>
      send(api => api.request('post', '/adrs/refresh', forEntity(entityRef))),
    getAdr: id => send(api => api.request('get', '/adrs/{id}', byId(id))),
    getAdrAsset: (id, path) =>
      send(api =>
        api.request('get', '/adrs/{id}/assets', {
          params: { path: { id }, query: { path } },
          parseAs: 'blob',
        }),
      ),
    getAdrImpact: (id, weeks) =>
      send(api =>
        api.request('get', '/adrs/{id}/impact', {
          params: { path: { id }, query: { weeks } },
        }),
      ),
    getAdrTradeOff: adrId =>
      send(api => api.request('get', '/adrs/{id}/trade-off', byId(adrId))),
    createRetrospective: (id, request) =>
      send(api =>
        api.request('post', '/adrs/{id}/retrospectives', writeTo(id, request)),
      ),
    listRetrospectives: () =>
      send(api => api.request('get', '/retrospectives', {})),
    getAdrIndex: (query = {}) =>
      send(api =>
        api.request('get', '/adr-index', {
          params: {
            query: {
              ...query,
              owner: unlessEmpty(query.owner),
              system: unlessEmpty(query.system),
              from: unlessEmpty(query.from),
              to: unlessEmpty(query.to),
              q: unlessEmpty(query.q),
              sort: query.sort || undefined,
              order: query.order || undefined,
            },
          },
        }),
      ),
  } satisfies Partial<GovernanceApi>);
