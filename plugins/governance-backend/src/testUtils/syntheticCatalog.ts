/*
 * The synthetic catalog and measured facts the benchmarks run on: the scorecard bench in this
 * package and the Tech Insights comparison in packages/tech-insights-comparison, so both measure
 * the same entities and facts.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogServiceMock,
  CatalogServiceMock,
} from '@backstage/plugin-catalog-node/testUtils';
import { DateTime } from 'luxon';
import { MeasuredFact } from '../database/FactStore';
import { stackAnnotation } from './syntheticStack';

const SYSTEMS = 200;
const DOMAINS = 10;
/**
 * The tiers the services cycle through, in order: service-0 is critical, service-1 core, ...
 *
 * @public
 */
export const TIERS: readonly string[] = ['critical', 'core', 'supporting'];

/**
 * 200 systems and `n` services, each service in one of the systems (a system belongs to one team
 * and one domain).
 *
 * @public
 */
export function entities(n: number): Entity[] {
  const systems: Entity[] = Array.from({ length: SYSTEMS }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: `system-${i}`, namespace: 'default' },
    spec: { owner: `team-${i % 40}`, domain: `domain-${i % DOMAINS}` },
  }));
  return [...systems, ...services(n)];
}

/**
 * `n` services, `service-0` to `service-<n-1>`, with the governance annotations of their tier
 * ({@link TIERS} in turn), a `governance/stack` on the synthetic radar ({@link RADAR_ENTRIES}:
 * most on adopt or trial, one in ten with a technology on assess, one in fifty on hold and one
 * in fifty off the radar), an owner and a system.
 *
 * @public
 */
export function services(n: number): Entity[] {
  return Array.from({ length: n }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${i}`,
      namespace: 'default',
      annotations: {
        'governance/tier': TIERS[i % 3],
        'governance/availability-slo': '99.95',
        'governance/last-security-review': '2026-09-01',
        'governance/testing': 'unit, integration',
        'governance/stack': stackAnnotation(i),
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `team-${(i % SYSTEMS) % 40}`,
      system: `system-${i % SYSTEMS}`,
    },
  }));
}

/**
 * The coverage, p95 latency and availability of services 0 to `n-1`, as CI, APM and SLO tooling
 * push them. Values vary by service and by `day`; facts of a later day are observed later.
 *
 * @public
 */
export function measuredFacts(n: number, day: number): MeasuredFact[] {
  const observedAt = new Date(Date.UTC(2026, 10, 24, 0, day)).toISOString();
  return Array.from({ length: n }, (_, i) => [
    {
      entityRef: `component:default/service-${i}`,
      name: 'coverage',
      value: 60 + ((i + day) % 40),
      source: 'ci',
      observedAt,
    },
    {
      entityRef: `component:default/service-${i}`,
      name: 'p95LatencyMs',
      value: 100 + ((i * 7 + day) % 400),
      source: 'apm',
      observedAt,
    },
    {
      entityRef: `component:default/service-${i}`,
      name: 'availability',
      value: 99.9 + (i % 10) / 100,
      source: 'slo',
      observedAt,
    },
  ]).flat();
}

/**
 * The seven delivery metrics of the services numbered in `indexes`, observed at `observedAt`,
 * as CI (deployments, lead time, change failures), monitoring (errors, latency) and cost
 * tooling push them. Values vary by service and by day.
 *
 * @public
 */
export function deliveryFacts(
  indexes: Iterable<number>,
  observedAt: Date,
): MeasuredFact[] {
  const day = DateTime.fromJSDate(observedAt, { zone: 'utc' }).ordinal;
  const at = observedAt.toISOString();
  return [...indexes].flatMap(i => {
    const entityRef = `component:default/service-${i}`;
    const vary = (i * 31 + day) % 10;
    const fact = (name: string, source: string, value: number) => ({
      entityRef,
      name,
      source,
      value,
      observedAt: at,
    });
    return [
      fact('deploymentFrequencyPerWeek', 'ci', 1 + ((i + day) % 20)),
      fact('leadTimeHours', 'ci', 4 + vary * 6),
      fact('changeFailureRate', 'ci', vary * 2),
      fact('errorRatePercent', 'apm', vary / 10),
      fact('p50LatencyMs', 'apm', 40 + vary * 15),
      fact('p99LatencyMs', 'apm', 400 + vary * 120),
      fact('costPerThousandRequests', 'finops', 0.2 + vary / 50),
    ];
  });
}

/**
 * Backstage's in-memory catalog mock filters and sorts the whole catalog again for every page and
 * rebuilds a map of every entity for each lookup by ref, which a real catalog answers from
 * indexed tables. This stand-in lets the mock filter each distinct query once, then serves its
 * pages, and lookups by ref, from memory, so the figures measure governance's own work. How long
 * the mock itself takes is reported on its own row.
 *
 * @public
 */
export function indexedCatalog(catalogEntities: Entity[]): CatalogServiceMock {
  const catalog = catalogServiceMock({ entities: catalogEntities });
  const byRef = new Map(catalogEntities.map(e => [stringifyEntityRef(e), e]));
  const queries = new Map<string, Entity[]>();
  const queryAll = catalog.queryEntities.bind(catalog);
  catalog.getEntityByRef = async ref =>
    byRef.get(typeof ref === 'string' ? ref : stringifyEntityRef(ref));
  catalog.getEntitiesByRefs = async ({ entityRefs }) => ({
    items: entityRefs.map(ref => byRef.get(ref)),
  });
  catalog.queryEntities = async query => {
    const limit = query?.limit ?? 500;
    let id: string;
    let offset: number;
    if (query && 'cursor' in query && query.cursor) {
      [id, offset] = JSON.parse(query.cursor);
    } else {
      id = JSON.stringify({ ...query, limit: undefined });
      offset = 0;
      if (!queries.has(id)) {
        queries.set(id, (await queryAll({ ...query, limit: 1_000_000 })).items);
      }
    }
    const items = queries.get(id)!;
    const next = offset + limit;
    return {
      items: items.slice(offset, next),
      totalItems: items.length,
      pageInfo:
        next < items.length ? { nextCursor: JSON.stringify([id, next]) } : {},
    };
  };
  return catalog;
}
