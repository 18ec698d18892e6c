import { GovernanceApi } from '../GovernanceApi';
import { Send, byId, forEntity } from './send';

/** The calls that create, request, list and revoke waivers; a requested one is granted on its review. */
export const waiverRoutes = (send: Send) =>
  ({
    createWaiver: request =>
      send(api => api.request('post', '/waivers', { body: request })),
    requestWaiver: request =>
      send(api => api.request('post', '/waiver-requests', { body: request })),
    revokeWaiver: id =>
      send(api => api.request('delete', '/waivers/{id}', byId(id))),
    listWaivers: async entityRef => {
      const { items } = await send(api =>
        api.request('get', '/waivers', forEntity(entityRef)),
      );
      return items;
    },
  } satisfies Partial<GovernanceApi>);
