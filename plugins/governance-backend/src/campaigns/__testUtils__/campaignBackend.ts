import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  BUILT_IN_REVIEW_KINDS,
  CheckResult,
} from '@catalog-governance/backstage-plugin-governance-common';
import { checkResult as anyCheckResult } from '@catalog-governance/backstage-plugin-governance-common/testUtils';
import { auditorMock } from '../../__testUtils__/auditorMock';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { DatabaseCampaignStore } from '../../database/DatabaseCampaignStore';
import { DatabaseReviewCauses } from '../../database/DatabaseReviewCauses';
import { DatabaseReviewStore } from '../../database/DatabaseReviewStore';
import { DatabaseScorecardStore } from '../../database/DatabaseScorecardStore';
import { EntityPlacement } from '../../database/ScorecardStore';
import { ReviewNotifier } from '../../reviews/ReviewNotifier';
import { ReviewService } from '../../reviews/ReviewService';
import { CampaignNotifier } from '../CampaignNotifier';
import { CampaignService } from '../CampaignService';

export const TEAM_A = 'group:default/team-a';
export const TEAM_B = 'group:default/team-b';

export const KNOWN_CHECKS = new Map([
  ['coverage', 'Test coverage'],
  ['availability', 'Availability'],
  ['p95-latency', 'p95 latency'],
]);

/** A result of `checkId` in `state`, titled as the campaign's known checks are. */
export const checkResult = (
  checkId: string,
  state: CheckResult['state'],
): CheckResult =>
  anyCheckResult(checkId, state, {
    title: KNOWN_CHECKS.get(checkId) ?? checkId,
    target: '>= 75%',
  });

/**
 * The campaign service over a fresh database of `databaseId`, with scorecard results written
 * through the scorecard store (as the evaluation writes them), notifications collected in
 * `sent`, and a review service for the overdue escalations. `permission` answers every
 * permission check; the catalog holds `catalogEntities`, for campaigns with a catalog filter.
 */
export async function campaignBackend(
  databases: TestDatabases,
  databaseId: Parameters<TestDatabases['init']>[0],
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  catalogEntities: Entity[] = [],
) {
  const knex = await migratedDatabase(databases, databaseId);
  const store = new DatabaseCampaignStore(knex);
  const scorecards = new DatabaseScorecardStore(knex);
  const sent: NotificationSendOptions[] = [];
  const notifications = {
    send: async (n: NotificationSendOptions) => void sent.push(n),
  };
  const logger = mockServices.logger.mock();
  const catalog = catalogServiceMock({ entities: catalogEntities });
  const permissions = mockServices.permissions({ result: permission });
  const auditor = auditorMock();
  const campaigns = new CampaignService({
    store,
    catalog,
    auth: mockServices.auth(),
    permissions,
    auditor,
    logger,
    notifier: new CampaignNotifier({ store, notifications, logger }),
    knownChecks: () => new Set(KNOWN_CHECKS.keys()),
  });
  const reviewStore = new DatabaseReviewStore(knex);
  const reviews = new ReviewService({
    store: reviewStore,
    causes: new DatabaseReviewCauses(knex),
    catalog,
    auth: mockServices.auth(),
    permissions,
    auditor,
    logger,
    kinds: [...BUILT_IN_REVIEW_KINDS],
    notifier: new ReviewNotifier({ notifications, logger }),
  });

  /** Stores an entity's current results where the evaluation would place it. */
  async function evaluated(
    entityRef: string,
    placement: EntityPlacement,
    results: CheckResult[],
    at = new Date(),
  ) {
    await scorecards.storeEvaluations([{ entityRef, placement, results }], at);
  }

  return {
    knex,
    store,
    catalog,
    campaigns,
    reviews,
    reviewStore,
    auditor,
    sent,
    evaluated,
  };
}
