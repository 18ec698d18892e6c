import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CampaignService } from '../campaigns/CampaignService';
import { GovernanceApiRouter } from './openApiRouter';
import { readEntityRef } from './queryParameters';

/**
 * The campaigns' routes: list, create, read, edit or close (409 on a stale revision), the
 * entities of one campaign, and the campaigns of one entity. Managing needs
 * governance.campaign.manage (checked by the service); reading needs a signed-in caller, and
 * entity rows follow the catalog's read permission.
 *
 * @internal
 */
export function registerCampaignRoutes(
  router: GovernanceApiRouter,
  options: { httpAuth: HttpAuthService; campaigns: CampaignService },
): void {
  const { httpAuth, campaigns } = options;
  const caller = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/campaigns', async (req, res) => {
    await caller(req);
    res.json({ items: await campaigns.list(req.query.state ?? 'active') });
  });

  router.post('/campaigns', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res
      .status(201)
      .json(await campaigns.create(req.body, credentials, { request: req }));
  });

  router.get('/campaigns/:id', async (req, res) => {
    await caller(req);
    res.json(await campaigns.get(req.params.id));
  });

  router.patch('/campaigns/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(
      await campaigns.update(req.params.id, req.body, credentials, {
        request: req,
      }),
    );
  });

  router.get('/campaigns/:id/entities', async (req, res) => {
    const credentials = await caller(req);
    const { done, owner, page, pageSize } = req.query;
    res.json(
      await campaigns.listEntities(
        req.params.id,
        { done, owner, page: page ?? 1, pageSize: pageSize ?? 25 },
        credentials,
      ),
    );
  });

  router.get('/entity-campaigns', async (req, res) => {
    const credentials = await caller(req);
    const entityRef = readEntityRef(req.query.entityRef);
    res.json({
      items: await campaigns.entityCampaigns(entityRef, credentials),
    });
  });
}
