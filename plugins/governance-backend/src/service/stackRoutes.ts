import { HttpAuthService } from '@backstage/backend-plugin-api';
import { StackTechnologiesService } from '../stack/StackTechnologiesService';
import { GovernanceApiRouter } from './openApiRouter';

/**
 * The approved stack's route: every technology with its ring and how many entities use it.
 * Reading needs a signed-in caller; the counts follow the catalog's read permission.
 *
 * @internal
 */
export function registerStackRoutes(
  router: GovernanceApiRouter,
  options: {
    httpAuth: HttpAuthService;
    stackTechnologies: StackTechnologiesService;
  },
): void {
  const { httpAuth, stackTechnologies } = options;
  router.get('/stack/technologies', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await stackTechnologies.list(credentials));
  });
}
