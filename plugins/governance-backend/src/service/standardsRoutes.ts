import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogVisibility } from '../catalog/CatalogVisibility';
import { ComplianceStore } from '../database/ComplianceStore';
import { StandardsService } from '../standards/StandardsService';
import { GovernanceApiRouter } from './openApiRouter';

/**
 * The Standards tab: each configured standard's compliance and measured automation against its
 * target, with their daily trend. Like the Compliance view, any signed-in user or service may
 * read it and counts only the entities the catalog's read permission lets them see. Read-only,
 * so nothing is audited.
 *
 * @internal
 */
export function registerStandardsRoutes(
  router: GovernanceApiRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    catalog: CatalogService;
    store: Pick<ComplianceStore, 'listEvaluatedEntityRefs'>;
    standards: StandardsService;
  },
): void {
  const { httpAuth, store, standards } = options;
  const visibility = new CatalogVisibility(options);

  router.get('/standards', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const hidden = await visibility.hiddenFrom(credentials, () =>
      store.listEvaluatedEntityRefs(),
    );
    res.json(await standards.list({ hidden, days: req.query.days ?? 90 }));
  });
}
