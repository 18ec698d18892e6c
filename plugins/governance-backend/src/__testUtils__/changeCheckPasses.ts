import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEPENDENCIES_CHECK_ID,
  readLevelPolicy,
  readTierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { createHash } from 'node:crypto';
import { DatabaseStackStore } from '../database/DatabaseStackStore';
import { EVALUATION_PAGE_SIZE } from '../scorecards/ScorecardPass';
import { evaluatedService } from './catalogEntities';
import { configuredStackChecks } from './configuredStackChecks';
import { defaultScorecardEngine } from './defaultEngines';
import { EachDatabase } from './describeEachDatabase';
import { LEDGER, NOW, PAYMENTS, later } from './scorecardEngineFixtures';
import { scorecardEngineStores } from './scorecardEngineStores';

// What the scorecard engine's change-check tests share: payments, which depends on the ledger,
// and search as the catalog serves them, and passes that each run on a new engine.

/** The entity as the catalog serves it: with an etag that changes whenever the entity does. */
export function served(entity: Entity): Entity {
  const etag = createHash('sha256')
    .update(JSON.stringify(entity))
    .digest('hex');
  return { ...entity, metadata: { ...entity.metadata, etag } };
}

export const payments = (annotations: Record<string, string> = {}) =>
  served(
    evaluatedService(
      'payments',
      {
        'governance/tier': 'core',
        'governance/last-security-review': '2026-10-01',
        'governance/stack': 'datastores: mongodb',
        ...annotations,
      },
      { dependsOn: [LEDGER] },
    ),
  );
export const ledger = (tier = 'core') =>
  served(
    evaluatedService(
      'ledger',
      { 'governance/tier': tier },
      { dependencyOf: [PAYMENTS] },
    ),
  );
export const coreService = (name: string) =>
  served(evaluatedService(name, { 'governance/tier': 'core' }));
export const search = () => coreService('search');

export const radarOf = (mongodbRing: string) => ({
  entries: [{ id: 'mongodb', title: 'MongoDB', ring: mongodbRing }],
});

/**
 * A fresh database after a first pass at {@link NOW} over payments, the ledger and search, and
 * what the change-check tests do next: run a pass on what the catalog serves, the config and
 * the radar they give it, push a coverage fact, and read what a pass stored and asked for.
 */
export async function changeCheckPasses(database: EachDatabase) {
  const { knex, store, adrs, storedResult } = await scorecardEngineStores(
    database,
  );
  const stackStore = new DatabaseStackStore(knex);
  const getFacts = jest.spyOn(store, 'getFacts');
  const storeEvaluations = jest.spyOn(store, 'storeEvaluations');
  /** The entity refs each pass read in full, in the order it asked for them. */
  let readInFull: string[] = [];
  let fieldsAsked: string[][] = [];
  // Each pass gets a new engine, as a pass on another replica would: what it compares
  // with lives in the database.
  const evaluateAll = async (
    now: Date,
    options: {
      entities?: Entity[];
      governance?: object;
      radar?: object;
      /** Changes what the catalog answers, before the pass starts. */
      serve?: (catalog: ReturnType<typeof catalogServiceMock>) => void;
    } = {},
  ) => {
    const {
      entities = [payments(), ledger(), search()],
      governance = {},
      radar = radarOf('adopt'),
    } = options;
    const catalog = catalogServiceMock({ entities });
    options.serve?.(catalog);
    const query = jest.spyOn(catalog, 'queryEntities');
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const config = new ConfigReader({ governance });
    const tierPolicies = readTierPolicies(config);
    const stackChecks = await configuredStackChecks({
      radar,
      store: stackStore,
      adrs,
      now,
    });
    getFacts.mockClear();
    storeEvaluations.mockClear();
    const run = await defaultScorecardEngine({
      catalog,
      store,
      adrs,
      tierPolicies,
      levelPolicy: readLevelPolicy(config, { tierPolicies }),
      stackChecks,
    }).evaluateAll(now);
    // Entities are read in full with their relations; dependency tiers without.
    readInFull = byRefs.mock.calls.flatMap(([request]) =>
      request.fields?.includes('relations') ? request.entityRefs : [],
    );
    fieldsAsked = [...byRefs.mock.calls, ...query.mock.calls].map(
      ([request]) => [...(request?.fields ?? [])],
    );
    return run;
  };
  const check = (checkId: string, entityRef = PAYMENTS) =>
    storedResult(entityRef, checkId);
  const pushFact = (value: number, at: Date) =>
    store.addFacts(
      [
        {
          entityRef: PAYMENTS,
          name: 'coverage',
          value,
          source: 'ci',
          observedAt: at.toISOString(),
        },
      ],
      at,
    );
  /** The council waives payments' availability check an hour after the first pass. */
  const waiveAvailability = (reason: string, expiresAt: string) =>
    store.createWaiver({
      id: 'w1',
      entityRef: PAYMENTS,
      checkId: 'availability',
      reason,
      expiresAt,
      createdBy: 'user:default/council',
      createdAt: later(1).toISOString(),
    });
  // Before the pass's margin for late writes, so the next pass does not read it again.
  await pushFact(90, later(-1));
  expect(await evaluateAll(NOW)).toEqual({ entities: 3, skipped: 0 });
  return {
    knex,
    store,
    adrs,
    evaluateAll,
    check,
    pushFact,
    waiveAvailability,
    getFacts,
    storeEvaluations,
    readInFull: () => readInFull,
    fieldsAsked: () => fieldsAsked,
  };
}

/**
 * Payments, two pages of others, then the ledger: a pass evaluates payments on the first
 * page, looking up the ledger's tier while the second is read, and reads the ledger on the
 * third. `changeDuringLookup` makes the next lookup of the ledger answer one tier and the
 * catalog hold another right after it.
 */
export async function ledgerAfterTwoPages(database: EachDatabase) {
  const { store, adrs, storedResult } = await scorecardEngineStores(database);
  const others = Array.from({ length: 2 * EVALUATION_PAGE_SIZE }, (_, i) =>
    coreService(`service-${i}`),
  );
  const catalogWith = (ledgerTier: string) =>
    catalogServiceMock({
      entities: [payments(), ...others, ledger(ledgerTier)],
    });
  let current = catalogWith('core');
  let lookup: { answer: string; then: string } | undefined;
  const catalog = {
    queryEntities: (...args: Parameters<typeof current.queryEntities>) =>
      current.queryEntities(...args),
    getEntityByRef: (...args: Parameters<typeof current.getEntityByRef>) =>
      current.getEntityByRef(...args),
    getEntitiesByRefs: async (
      ...args: Parameters<typeof current.getEntitiesByRefs>
    ) => {
      const [request] = args;
      if (
        !lookup ||
        request.fields?.includes('relations') ||
        !request.entityRefs.includes(LEDGER)
      ) {
        return current.getEntitiesByRefs(...args);
      }
      const answer = await catalogWith(lookup.answer).getEntitiesByRefs(
        ...args,
      );
      current = catalogWith(lookup.then);
      lookup = undefined;
      return answer;
    },
  } as unknown as typeof current;
  return {
    entities: others.length + 2,
    evaluateAll: (now: Date) =>
      defaultScorecardEngine({ catalog, store, adrs }).evaluateAll(now),
    dependencies: async () =>
      (await storedResult(PAYMENTS, DEPENDENCIES_CHECK_ID))?.state,
    changeDuringLookup: (tiers: { answer: string; then: string }) => {
      lookup = tiers;
    },
  };
}
