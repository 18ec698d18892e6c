import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  describeValue,
  parseIsoDate,
  AdrDetail,
  AdrImpact,
  AdrIndexQuery,
  CreateRetrospectiveRequest,
  EntityAdrs,
  governanceRetrospectiveCreatePermission,
  FactDefinitions,
  Retrospective,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { AdrAssetReader } from '../adrs/AdrAssetReader';
import { deliveryImpact, governedEntityRefs } from '../adrs/deliveryImpact';
import { readEntitiesByRefs } from '../catalog/readEntitiesByRefs';
import { AdrIngestor } from '../adrs/AdrIngestor';
import { CatalogVisibility } from '../catalog/CatalogVisibility';
import { DatabaseAdrStore, locationStatus } from '../database/DatabaseAdrStore';
import { GovernanceStore } from '../database/GovernanceStore';
import { audited } from '../audit/audited';
import { requirePermission } from '../permissions/requirePermission';
import { GovernanceApiRouter } from './openApiRouter';
import { readDay, readEntityRef } from './queryParameters';

/** A request of any route, as the auth service reads it. */
type HttpRequest = Parameters<HttpAuthService['credentials']>[0];

const IMPACT_CHECKS = ['p95-latency', 'availability', 'coverage'];

/**
 * What the contract cannot check of a retrospective: that its date is a day of the calendar and
 * not ahead, and that the notes are more than blanks.
 */
function readRetrospectiveRequest(
  { date, outcome, notes, lessons }: CreateRetrospectiveRequest,
  now: Date,
) {
  const problems: string[] = [];
  const held = parseIsoDate(date);
  if (!held) {
    problems.push(`date must be a YYYY-MM-DD date, got ${describeValue(date)}`);
  } else if (held > now.toISOString().slice(0, 10)) {
    problems.push(
      `date ${held} is in the future; record a retrospective once it was held`,
    );
  }
  if (!notes.trim()) {
    problems.push(
      'notes are required: what was learned, at most 10,000 characters',
    );
  }
  if (problems.length) {
    throw new InputError(`Invalid retrospective: ${problems.join('; ')}`);
  }
  return {
    date: held!,
    outcome,
    notes: notes.trim(),
    ...(lessons?.trim() && { lessons: lessons.trim() }),
  };
}

/**
 * ADR routes: an entity's ADRs (read lazily the first time, then on a schedule), one ADR with
 * its links, retrospectives and decision impact, images next to it, and the organisation-wide
 * index.
 *
 * @internal
 */
export function registerAdrRoutes(
  router: GovernanceApiRouter,
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    auditor: AuditorService;
    urlReader: UrlReaderService;
    integrations: ScmIntegrationRegistry;
    adrStore: DatabaseAdrStore;
    store: GovernanceStore;
    adrs: AdrIngestor;
    catalog: CatalogService;
    logger: LoggerService;
    factDefinitions: FactDefinitions;
    /** `governance.impact.windowDays`; 30 when absent. */
    impactWindowDays?: number;
  },
): void {
  const { httpAuth, adrStore, adrs, catalog } = options;
  // The same reader and reading rules as for the ADRs themselves.
  const assets = new AdrAssetReader(options);
  const visibility = new CatalogVisibility(options);

  /** The entity, read with the caller's credentials so catalog permissions apply. */
  async function visibleEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return entity;
  }

  async function entityAdrs(entityRef: string): Promise<EntityAdrs> {
    return {
      entityRef,
      location: locationStatus(await adrStore.getLocation(entityRef)),
      items: await adrStore.listEntityAdrs(entityRef, new Date()),
    };
  }

  /** The ADR, when the caller may see its entity in the catalog. */
  async function visibleAdr(req: HttpRequest, id: string): Promise<AdrDetail> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const adr = await adrStore.getAdr(id, new Date());
    if (
      !adr ||
      !(await catalog.getEntityByRef(adr.entityRef, { credentials }))
    ) {
      throw new NotFoundError(`No ADR with id ${id}`);
    }
    const ids = await adrStore.adrIdsOf(adr.entityRef);
    const idOf = (link: { target: string; number?: number }) =>
      ids.get(link.target.split('/').pop()!) ??
      (link.number !== undefined ? ids.get(`#${link.number}`) : undefined);
    return {
      ...adr,
      supersededBy: adr.supersededBy && {
        ...adr.supersededBy,
        adrId: idOf(adr.supersededBy),
      },
      links: adr.links.map(link => ({ ...link, adrId: idOf(link) })),
    };
  }

  router.get('/adrs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = readEntityRef(req.query.entityRef);
    const entity = await visibleEntity(entityRef, credentials);
    // Never read yet (new entity, or first start): read it now, later the schedule keeps it fresh.
    if (!(await adrStore.getLocation(entityRef))) {
      await adrs.ingestEntity(entity);
    }
    res.json(await entityAdrs(entityRef));
  });

  router.post('/adrs/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = readEntityRef(req.query.entityRef);
    await adrs.ingestEntity(await visibleEntity(entityRef, credentials));
    res.json(await entityAdrs(entityRef));
  });

  router.get('/adr-index', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { from, to, ...query } = req.query;
    const index: AdrIndexQuery = {
      ...query,
      from: readDay(from, 'from'),
      to: readDay(to, 'to'),
    };
    // The ADRs of entities the caller cannot see in the catalog are left out, in the query.
    const hidden = await visibility.hiddenFrom(credentials, () =>
      adrStore.listAdrEntityRefs(),
    );
    res.json(await adrStore.queryIndex(index, new Date(), hidden));
  });

  router.get('/adrs/:id', async (req, res) => {
    const adr = await visibleAdr(req, req.params.id);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // The chain names no ADR of an entity the caller cannot see.
    const hidden = await visibility.hiddenFrom(credentials, () =>
      adrStore.listAdrEntityRefs(),
    );
    res.json({ ...adr, chain: await adrStore.chainOf(adr.id, hidden) });
  });

  router.get('/adrs/:id/assets', async (req, res) => {
    const adr = await visibleAdr(req, req.params.id);
    const { type, buffer } = await assets.read(adr, req.query.path);
    res
      .status(200)
      .type(type)
      // An SVG is an image here, never a document that could run script.
      .set(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      )
      .set('X-Content-Type-Options', 'nosniff')
      .send(buffer);
  });

  router.get('/adrs/:id/impact', async (req, res) => {
    const adr = await visibleAdr(req, req.params.id);
    const weeks = req.query.weeks ?? 4;
    const windowDays =
      req.query.weeks !== undefined
        ? req.query.weeks * 7
        : options.impactWindowDays ?? 30;
    if (!adr.date) {
      throw new InputError(
        `ADR ${
          adr.number ?? adr.path
        } has no date, so there is no before and after to compare`,
      );
    }
    const decidedAt = new Date(`${adr.date}T00:00:00Z`);
    const decided = DateTime.fromJSDate(decidedAt, { zone: 'utc' });
    const start = decided.minus({ weeks }).toJSDate();
    const end = decided.plus({ weeks }).toJSDate();
    // The whole history is read, to know each check's value at the start of the window.
    const transitions = await options.store.listTransitions(
      adr.entityRef,
      new Date(0),
    );
    // Only the governed entities the caller may read in the catalog count.
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const named = governedEntityRefs(adr);
    const readable = await readEntitiesByRefs({
      catalog,
      entityRefs: named,
      credentials,
    });
    const entityRefs = named.filter(ref => readable.get(ref));
    const impact: AdrImpact = {
      adrId: adr.id,
      date: adr.date,
      weeks,
      windowDays,
      entityRefs,
      metrics: await deliveryImpact({
        facts: options.store,
        factDefinitions: options.factDefinitions,
        entityRefs,
        date: adr.date,
        windowDays,
      }),
      checks: IMPACT_CHECKS.map(checkId => {
        const own = transitions.filter(t => t.checkId === checkId);
        const point = (t: (typeof own)[number]) => ({
          at: t.changedAt,
          actual: t.actual,
          state: t.state,
        });
        const before = own.filter(t => new Date(t.changedAt) < decidedAt);
        const inForce = before.filter(t => new Date(t.changedAt) < start).pop();
        return {
          checkId,
          before: [
            ...(inForce ? [point(inForce)] : []),
            ...before.filter(t => new Date(t.changedAt) >= start).map(point),
          ],
          after: own
            .filter(
              t =>
                new Date(t.changedAt) >= decidedAt &&
                new Date(t.changedAt) <= end,
            )
            .map(point),
        };
      }),
    };
    res.json(impact);
  });

  router.get('/retrospectives', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // Outcomes of entities the caller cannot see in the catalog are neither listed nor counted.
    const hidden = await visibility.hiddenFrom(credentials, () =>
      adrStore.listRetrospectiveEntityRefs(),
    );
    res.json(
      await adrStore.listRetrospectiveOutcomes({
        hidden,
        limit: req.query.limit ?? 100,
      }),
    );
  });

  router.post('/adrs/:id/retrospectives', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await requirePermission(
      options.permissions,
      governanceRetrospectiveCreatePermission,
      credentials,
      'Recording a retrospective',
    );
    const now = new Date();
    const request = readRetrospectiveRequest(req.body, now);
    const adr = await visibleAdr(req, req.params.id);
    const retrospective: Retrospective = {
      id: randomUUID(),
      adrId: adr.id,
      ...request,
      recordedBy: credentials.principal.userEntityRef,
      recordedAt: now.toISOString(),
    };
    await audited(
      options.auditor,
      { request: req },
      'retrospective-create',
      { adrId: adr.id, entityRef: adr.entityRef, outcome: request.outcome },
      () =>
        adrStore.addRetrospective({
          ...retrospective,
          entityRef: adr.entityRef,
        }),
    );
    res.status(201).json(retrospective);
  });
}
