import { GovernanceApi } from '../GovernanceApi';
import { Send } from './send';

/** The calls about the approved technology stack. */
export const stackRoutes = (send: Send) =>
  ({
    listStackTechnologies: () =>
      send(api => api.request('get', '/stack/technologies')),
  } satisfies Partial<GovernanceApi>);
