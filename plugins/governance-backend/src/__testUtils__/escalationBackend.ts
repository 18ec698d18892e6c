import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BUILT_IN_REVIEW_KINDS,
  CheckResult,
  DEFAULT_ADR_POLICY,
  readLevelPolicy,
  readTierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ConfigReader } from '@backstage/config';
import { DateTime, DurationLike } from 'luxon';
import { StoredAdr } from '../database/AdrStore';
import { DatabaseAdrStore } from '../database/DatabaseAdrStore';
import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';
import { DatabaseReviewStore } from '../database/DatabaseReviewStore';
import { DatabaseReviewCauses } from '../database/DatabaseReviewCauses';
import { DatabaseEscalationSignals } from '../database/DatabaseEscalationSignals';
import { readTriggerSettings } from '../config';
import { EscalationRunner } from '../reviews/EscalationRunner';
import { ReviewNotifier } from '../reviews/ReviewNotifier';
import { ReviewService } from '../reviews/ReviewService';
import { builtInTriggers } from '../reviews/triggers/builtInTriggers';
import { DatabaseStackStore } from '../database/DatabaseStackStore';
import { EachDatabase } from './describeEachDatabase';
import { auditorMock } from './auditorMock';

export const NOW = new Date('2026-11-25T12:00:00Z');
export const hoursAgo = (hours: number) =>
  DateTime.fromJSDate(NOW).minus({ hours }).toJSDate();
/** The moment `duration` after NOW: `after({ hours: 2 })`. */
export const after = (duration: DurationLike) =>
  DateTime.fromJSDate(NOW).plus(duration).toJSDate();

export const result = (
  checkId: string,
  state: CheckResult['state'],
): CheckResult => ({
  checkId,
  title: checkId === 'availability' ? 'Availability' : checkId,
  state,
  target: '>= 99.99%',
  actual: state === 'fail' ? '99.5%' : '99.995%',
  factName: checkId,
  stale: false,
});

export const adr = (id: string, over: Partial<StoredAdr>): StoredAdr => ({
  id,
  entityRef: 'component:default/checkout',
  owner: 'group:default/team-a',
  path: `${id}.md`,
  url: `file:///adrs/${id}.md`,
  title: id,
  status: 'accepted',
  date: '2026-01-10',
  deciders: [],
  links: [],
  format: 'madr',
  warnings: [],
  body: '',
  ...over,
});

/**
 * The escalation runner over a fresh migrated database of `database`'s engine with the
 * built-in triggers, as configured by `config` (`governance.reviews.triggers`), and a catalog
 * of `entities`. Notifications land in `sent`.
 */
export async function escalationBackend(
  database: EachDatabase,
  entities: Entity[] = [],
  config: object = {},
) {
  const knex = await database.migrated();
  const store = new DatabaseGovernanceStore(knex);
  const adrStore = new DatabaseAdrStore(knex, {
    policy: DEFAULT_ADR_POLICY.retrospective,
  });
  const reviewStore = new DatabaseReviewStore(knex);
  const stackStore = new DatabaseStackStore(knex);
  const catalog = catalogServiceMock({ entities });
  const auth = mockServices.auth();
  const sent: unknown[] = [];
  const reviews = new ReviewService({
    store: reviewStore,
    causes: new DatabaseReviewCauses(knex),
    catalog,
    auth,
    permissions: mockServices.permissions(),
    auditor: auditorMock(),
    logger: mockServices.logger.mock(),
    kinds: [...BUILT_IN_REVIEW_KINDS],
    councilGroup: 'group:default/council',
    notifier: new ReviewNotifier({
      notifications: { send: async n => void sent.push(n) },
      logger: mockServices.logger.mock(),
      councilGroup: 'group:default/council',
    }),
  });
  const rootConfig = new ConfigReader({
    governance: { reviews: { triggers: config } },
  });
  const tierPolicies = readTierPolicies(rootConfig);
  const logger = mockServices.logger.mock();
  // A catalog of other entities stands for the catalog changing between runs.
  const createRunner = (catalogNow: Entity[] = entities) =>
    new EscalationRunner({
      reviews,
      kinds: [...BUILT_IN_REVIEW_KINDS],
      logger,
      triggers: builtInTriggers({
        settings: readTriggerSettings(rootConfig, tierPolicies),
        catalog: catalogServiceMock({ entities: catalogNow }),
        auth,
        tierPolicies,
        signals: new DatabaseEscalationSignals(knex),
        reviewStore,
        adrStore,
        levelPolicy: readLevelPolicy(rootConfig, { tierPolicies }),
        stackStore,
      }),
    });
  const items = async () =>
    (await reviewStore.listItems({ limit: 200 }, { now: NOW })).items;
  return {
    store,
    adrStore,
    reviewStore,
    stackStore,
    reviews,
    logger,
    createRunner,
    items,
    sent,
  };
}
