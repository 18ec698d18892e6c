import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ComplianceCounts,
  ComplianceFilter,
  ComplianceGroupBy,
  COMPLIANCE_GROUP_BY,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import { CatalogVisibility } from '../catalog/CatalogVisibility';
import { COMPLIANCE_COUNT_COLUMNS } from '../database/ComplianceStore';
import { GovernanceStore } from '../database/GovernanceStore';
import { ScorecardEngine } from '../scorecards/ScorecardEngine';
import { readAllPages, sendCsv, toCsv } from './csv';
import { GovernanceApiRouter } from './openApiRouter';

function countCells(counts: ComplianceCounts) {
  return [
    ...COMPLIANCE_COUNT_COLUMNS.map(column => counts[column]),
    Math.round(counts.passingShare * 1000) / 10,
  ];
}

/** The dimensions named in the query; an empty value selects the entities without one. */
function filterOf(query: Partial<Record<keyof ComplianceFilter, string>>) {
  const filter: ComplianceFilter = {};
  for (const key of COMPLIANCE_GROUP_BY) {
    if (query[key] !== undefined) {
      filter[key] = query[key];
    }
  }
  return filter;
}

function csvFileName(parts: string[], filter: ComplianceFilter) {
  const filtered = Object.entries(filter).map(
    ([key, value]) => `${key}-${value || 'none'}`,
  );
  return `${[...parts, ...filtered].join('_').replace(/[^\w.-]+/g, '-')}.csv`;
}

/**
 * The Compliance view: the stored current results rolled up by owner, system, domain or tier,
 * the entities behind a roll-up, the daily trend and CSV exports. Everything is read from the
 * roll-up tables; nothing re-runs checks. Any signed-in user or service may read them, and sees
 * only the entities the catalog's read permission lets them see.
 *
 * @internal
 */
export function registerComplianceRoutes(
  router: GovernanceApiRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    catalog: CatalogService;
    store: GovernanceStore;
    scorecards: Pick<ScorecardEngine, 'levelPolicy'>;
  },
): void {
  const { httpAuth, store } = options;
  const { levels, requiredByTier } = options.scorecards.levelPolicy;
  const visibility = new CatalogVisibility(options);
  const signedIn = (req: Parameters<HttpAuthService['credentials']>[0]) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const hiddenFrom = (credentials: BackstageCredentials) =>
    visibility.hiddenFrom(credentials, () => store.listEvaluatedEntityRefs());
  /** The roll-up of the view and of its export, as the caller of `req` may see it. */
  const rollupFor = async (
    req: Parameters<typeof signedIn>[0] & {
      query: { groupBy?: ComplianceGroupBy } & Parameters<typeof filterOf>[0];
    },
  ) =>
    store.getComplianceRollup(
      req.query.groupBy ?? 'owner',
      filterOf(req.query),
      await hiddenFrom(await signedIn(req)),
    );

  router.get('/compliance', async (req, res) => {
    res.json(await rollupFor(req));
  });

  router.get('/compliance.csv', async (req, res) => {
    const rollup = await rollupFor(req);
    const groupBy = req.query.groupBy ?? 'owner';
    const filter = filterOf(req.query);
    sendCsv(
      res,
      csvFileName(['compliance-by', groupBy], filter),
      toCsv(
        [
          groupBy,
          'entities',
          ...COMPLIANCE_COUNT_COLUMNS,
          'passing_percent',
          // A column per configured level, lowest first, so every export has the same columns.
          ...levels.map(level => `level_${level.name}`),
          'no_level',
          'below_required_level',
        ],
        rollup.groups.map(group => [
          group.key ?? '',
          group.entities,
          ...countCells(group.counts),
          ...levels.map(level => group.levels?.[level.name] ?? 0),
          group.withoutLevel ?? 0,
          group.belowRequired ?? 0,
        ]),
      ),
    );
  });

  router.get('/compliance/entities', async (req, res) => {
    const credentials = await signedIn(req);
    const filter = filterOf(req.query);
    const page = {
      offset: req.query.offset ?? 0,
      limit: req.query.limit ?? 25,
    };
    const entities = await store.listComplianceEntities(
      filter,
      page,
      await hiddenFrom(credentials),
    );
    res.json({
      ...entities,
      items: entities.items.map(item => ({
        ...item,
        requiredLevel: requiredByTier.get(item.tier) ?? null,
      })),
    });
  });

  router.get('/compliance/entities.csv', async (req, res) => {
    const credentials = await signedIn(req);
    const filter = filterOf(req.query);
    const hidden = await hiddenFrom(credentials);
    const entities = await readAllPages(page =>
      store.listComplianceEntities(filter, page, hidden),
    );
    const rows = entities.map(item => [
      item.entityRef,
      item.title,
      ...COMPLIANCE_GROUP_BY.map(key => item[key]),
      ...countCells(item.counts),
      item.failing.join(' '),
      item.evaluatedAt,
      item.level ?? '',
      requiredByTier.get(item.tier) ?? '',
    ]);
    sendCsv(
      res,
      csvFileName(['compliance-entities'], filter),
      toCsv(
        [
          'entity',
          'title',
          ...COMPLIANCE_GROUP_BY,
          ...COMPLIANCE_COUNT_COLUMNS,
          'passing_percent',
          'failing_checks',
          'evaluated_at',
          'level',
          'required_level',
        ],
        rows,
      ),
    );
  });

  router.get('/compliance/trend', async (req, res) => {
    const credentials = await signedIn(req);
    const filter = filterOf(req.query);
    const days = req.query.days ?? 90;
    const hidden = await hiddenFrom(credentials);
    const today = DateTime.utc().startOf('day');
    const day = (daysBack: number) =>
      today.minus({ days: daysBack }).toISODate()!;
    // The days before are stored per owner, system, domain and tier, not per entity, so they
    // cannot be cut down to what a caller with a conditional (or no) read permission may see:
    // such a caller gets today's point only, counted over the entities they see.
    const points =
      hidden === undefined
        ? await store.getComplianceTrend(filter, day(days - 1), day(1))
        : [];
    // Today is read live, so a fact pushed a minute ago is in the trend as in the roll-up; the
    // stored day is for the days after.
    const { totals } = await store.getComplianceRollup('tier', filter, hidden);
    if (totals.counts.total > 0) {
      points.push({ day: day(0), counts: totals.counts });
    }
    res.json({ filter, points });
  });
}
