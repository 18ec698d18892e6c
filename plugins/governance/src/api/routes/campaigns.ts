import { GovernanceApi } from '../GovernanceApi';
import { Send, byId, forEntity, writeTo } from './send';

/** The calls about campaigns and the entities they target. */
export const campaignRoutes = (send: Send) =>
  ({
    listCampaigns: async state => {
      const { items } = await send(api =>
        api.request('get', '/campaigns', { params: { query: { state } } }),
      );
      return items;
    },
    getCampaign: id =>
      send(api => api.request('get', '/campaigns/{id}', byId(id))),
    createCampaign: request =>
      send(api => api.request('post', '/campaigns', { body: request })),
    updateCampaign: (id, update) =>
      send(api => api.request('patch', '/campaigns/{id}', writeTo(id, update))),
    listCampaignEntities: (id, query = {}) =>
      send(api =>
        api.request('get', '/campaigns/{id}/entities', {
          params: { path: { id }, query },
        }),
      ),
    getEntityCampaigns: async entityRef => {
      const { items } = await send(api =>
        api.request('get', '/entity-campaigns', forEntity(entityRef)),
      );
      return items;
    },
  } satisfies Partial<GovernanceApi>);
