import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogVisibility } from '../catalog/CatalogVisibility';
import { AnnotationProblemStore } from '../database/AnnotationProblemStore';
import { readAllPages, sendCsv, toCsv } from './csv';
import { GovernanceApiRouter } from './openApiRouter';

/**
 * The Catalog annotations view: the invalid governance annotations the last catalog scan found.
 * Any signed-in user or service may read them, as the Compliance view, and sees only the
 * entities the catalog's read permission lets them see. Under a conditional read decision an
 * entity the catalog never ingested is not shown, since the catalog cannot say whether the
 * caller may read it.
 *
 * @internal
 */
export function registerAnnotationProblemRoutes(
  router: GovernanceApiRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    catalog: CatalogService;
    annotationProblems: AnnotationProblemStore;
  },
): void {
  const { httpAuth, annotationProblems: store } = options;
  const visibility = new CatalogVisibility(options);
  const hiddenFrom = async (
    req: Parameters<HttpAuthService['credentials']>[0],
  ) => {
    const credentials: BackstageCredentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return visibility.hiddenFrom(credentials, () =>
      store.listAnnotationProblemEntityRefs(),
    );
  };

  router.get('/annotation-problems', async (req, res) => {
    const hidden = await hiddenFrom(req);
    res.json(
      await store.listAnnotationProblems(
        { owner: req.query.owner },
        { offset: req.query.offset ?? 0, limit: req.query.limit ?? 25 },
        hidden,
      ),
    );
  });

  router.get('/annotation-problems.csv', async (req, res) => {
    const hidden = await hiddenFrom(req);
    const problems = await readAllPages(page =>
      store.listAnnotationProblems({ owner: req.query.owner }, page, hidden),
    );
    const rows = problems.map(item => [
      item.entityRef,
      item.title,
      item.owner,
      item.key,
      item.value,
      item.allowed,
      item.severity,
      item.sourceLocation,
      item.recordedAt,
    ]);
    const owner = req.query.owner;
    sendCsv(
      res,
      `annotation-problems${
        owner === undefined ? '' : `_owner-${owner || 'none'}`
      }.csv`.replace(/[^\w.-]+/g, '-'),
      toCsv(
        [
          'entity',
          'title',
          'owner',
          'annotation',
          'value',
          'allowed',
          'severity',
          'source_location',
          'recorded_at',
        ],
        rows,
      ),
    );
  });
}
