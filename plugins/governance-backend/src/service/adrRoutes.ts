import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ADR_STATUSES,
  describeValue,
  parseIsoDate,
  AdrDetail,
  AdrImpact,
  AdrIndexQuery,
  EntityAdrs,
  governanceRetrospectiveCreatePermission,
  Retrospective,
  RETROSPECTIVE_OUTCOMES,
  RetrospectiveOutcome,
  RetrospectiveState,
} from '@catalog-governance/backstage-plugin-governance-common';
import express from 'express';
import Router from 'express-promise-router';
import { randomUUID } from 'node:crypto';
import { AdrAssetReader } from '../adrs/AdrAssetReader';
import { AdrIngestor } from '../adrs/AdrIngestor';
import { CatalogVisibility } from '../catalog/CatalogVisibility';
import { DatabaseAdrStore, locationStatus } from '../database/DatabaseAdrStore';
import { GovernanceStore } from '../database/GovernanceStore';
import { audited } from '../audit/audited';
import {
  readEntityRef,
  readList,
  readOne,
  readPage,
  readWholeNumber,
} from './queryParameters';

const RETROSPECTIVE_STATES: RetrospectiveState[] = [
  'not-applicable',
  'not-due',
  'due',
  'overdue',
  'recorded',
];
const IMPACT_CHECKS = ['p95-latency', 'availability', 'coverage'];

const present = (value: string | undefined) => (value ? [value] : []);

function oneOf<T extends string>(
  values: string[],
  allowed: readonly T[],
  name: string,
): T[] {
  for (const value of values) {
    if (!allowed.includes(value as T)) {
      throw new InputError(
        `Query parameter '${name}' has ${describeValue(
          value,
        )}; allowed are ${allowed.join(', ')}`,
      );
    }
  }
  return values as T[];
}

function day(value: string | undefined, name: string) {
  if (value !== undefined && !parseIsoDate(value)) {
    throw new InputError(
      `Query parameter '${name}' must be a YYYY-MM-DD date, got ${describeValue(
        value,
      )}`,
    );
  }
  return value;
}

/** Reads the ADR index query, naming any parameter that is not allowed. */
export function readAdrIndexQuery(
  query: express.Request['query'],
): AdrIndexQuery {
  const q = readOne(query, 'q');
  if (q && q.length > 200) {
    throw new InputError(
      `Query parameter 'q' is too long: at most 200 characters`,
    );
  }
  return {
    status: oneOf(readList(query, 'status'), ADR_STATUSES, 'status'),
    owner: readOne(query, 'owner'),
    system: readOne(query, 'system'),
    from: day(readOne(query, 'from'), 'from'),
    to: day(readOne(query, 'to'), 'to'),
    q,
    retrospective: oneOf(
      readList(query, 'retrospective'),
      RETROSPECTIVE_STATES,
      'retrospective',
    ),
    sort: oneOf(
      present(readOne(query, 'sort')),
      ['date', 'title', 'entity'] as const,
      'sort',
    )[0],
    order: oneOf(
      present(readOne(query, 'order')),
      ['asc', 'desc'] as const,
      'order',
    )[0],
    ...readPage(query),
  };
}

function readRetrospectiveRequest(body: unknown, now: Date) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError(
      'Expected a JSON object with date (YYYY-MM-DD), outcome (keep, revise or supersede) and notes',
    );
  }
  const { date, outcome, notes } = body as Record<string, unknown>;
  const problems: string[] = [];
  const held = parseIsoDate(date);
  if (!held) {
    problems.push(`date must be a YYYY-MM-DD date, got ${describeValue(date)}`);
  } else if (held > now.toISOString().slice(0, 10)) {
    problems.push(
      `date ${held} is in the future; record a retrospective once it was held`,
    );
  }
  if (!RETROSPECTIVE_OUTCOMES.includes(outcome as RetrospectiveOutcome)) {
    problems.push(
      `outcome must be one of ${RETROSPECTIVE_OUTCOMES.join(
        ', ',
      )}, got ${describeValue(outcome)}`,
    );
  }
  if (typeof notes !== 'string' || !notes.trim() || notes.length > 10_000) {
    problems.push(
      'notes are required: what was learned, at most 10,000 characters',
    );
  }
  if (problems.length) {
    throw new InputError(`Invalid retrospective: ${problems.join('; ')}`);
  }
  return {
    date: held!,
    outcome: outcome as RetrospectiveOutcome,
    notes: (notes as string).trim(),
  };
}

/**
 * ADR routes: an entity's ADRs (read lazily the first time, then on a schedule), one ADR with
 * its links, retrospectives and decision impact, images next to it, and the organisation-wide
 * index.
 *
 * @internal
 */
export function createAdrRoutes(options: {
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
}): express.Router {
  const { httpAuth, adrStore, adrs, catalog } = options;
  // The same reader and reading rules as for the ADRs themselves.
  const assets = new AdrAssetReader(options);
  const visibility = new CatalogVisibility(options);
  const router = Router();

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
  async function visibleAdr(req: express.Request): Promise<AdrDetail> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const adr = await adrStore.getAdr(req.params.id, new Date());
    if (
      !adr ||
      !(await catalog.getEntityByRef(adr.entityRef, { credentials }))
    ) {
      throw new NotFoundError(`No ADR with id ${req.params.id}`);
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
    const entityRef = readEntityRef(req.query);
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
    const entityRef = readEntityRef(req.query);
    await adrs.ingestEntity(await visibleEntity(entityRef, credentials));
    res.json(await entityAdrs(entityRef));
  });

  router.get('/adr-index', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = readAdrIndexQuery(req.query);
    // The ADRs of entities the caller cannot see in the catalog are left out, in the query.
    const hidden = await visibility.hiddenFrom(credentials, () =>
      adrStore.listAdrEntityRefs(),
    );
    res.json(await adrStore.queryIndex(query, new Date(), hidden));
  });

  router.get('/adrs/:id', async (req, res) => {
    res.json(await visibleAdr(req));
  });

  router.get('/adrs/:id/assets', async (req, res) => {
    const adr = await visibleAdr(req);
    const { type, buffer } = await assets.read(adr, readOne(req.query, 'path'));
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
    const adr = await visibleAdr(req);
    const weeks = readWholeNumber(req.query, 'weeks', {
      min: 1,
      max: 26,
      fallback: 4,
    });
    if (!adr.date) {
      throw new InputError(
        `ADR ${
          adr.number ?? adr.path
        } has no date, so there is no before and after to compare`,
      );
    }
    const decidedAt = new Date(`${adr.date}T00:00:00Z`);
    const start = new Date(decidedAt.getTime() - weeks * 7 * 86_400_000);
    const end = new Date(decidedAt.getTime() + weeks * 7 * 86_400_000);
    // The whole history is read, to know each check's value at the start of the window.
    const transitions = await options.store.listTransitions(
      adr.entityRef,
      new Date(0),
    );
    const impact: AdrImpact = {
      adrId: adr.id,
      date: adr.date,
      weeks,
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

  router.post('/adrs/:id/retrospectives', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await options.permissions.authorize(
      [{ permission: governanceRetrospectiveCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Recording a retrospective needs the permission ${governanceRetrospectiveCreatePermission.name}`,
      );
    }
    const now = new Date();
    const request = readRetrospectiveRequest(req.body, now);
    const adr = await visibleAdr(req);
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

  return router;
}
