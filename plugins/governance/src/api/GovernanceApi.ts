import { createApiRef } from '@backstage/core-plugin-api';
import {
  AnnotationProblemPage,
  AdrDetail,
  Campaign,
  CampaignDetail,
  CampaignEntityPage,
  CreateCampaignRequest,
  UpdateCampaignRequest,
  EntityCampaign,
  StackTechnologyList,
  AdrImpact,
  AdrIndexPage,
  AdrIndexQuery,
  ComplianceEntityPage,
  ComplianceFilter,
  ComplianceGroupBy,
  ComplianceRollup,
  ComplianceTrend,
  CreateRetrospectiveRequest,
  CreateWaiverRequest,
  EntityAdrs,
  EntityGovernanceSummary,
  GovernanceApiOperations,
  GovernanceApiSchemas,
  GrantedWaiver,
  GrantWaiverRequest,
  RequestWaiverRequest,
  Retrospective,
  RetrospectiveOutcomes,
  ReviewComment,
  ReviewItem,
  ReviewItemDetail,
  ReviewPage,
  ReviewQuery,
  ReviewRequest,
  ReviewSettings,
  ReviewUpdate,
  TradeOffMatrix,
  TradeOffMatrixUpdate,
  TradeOffOutcomesUpdate,
  StandardList,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';

/**
 * The daily share of an entity's passing checks, as returned by
 * {@link GovernanceApi.getScorecardTrend}: how many days back it reaches, ending today, and one
 * point per day on which the entity had results, oldest first (so `points` can be empty).
 * The contract's `ScorecardTrend`.
 *
 * @public
 */
export type EntityScorecardTrend = GovernanceApiSchemas['ScorecardTrend'];

/**
 * Which view of the Compliance page to export, as taken by
 * {@link GovernanceApi.exportComplianceCsv}: the roll-up by one dimension, or every entity
 * matching the filter.
 *
 * @public
 */
export type ComplianceCsvRequest =
  | { view: 'groups'; groupBy: ComplianceGroupBy; filter?: ComplianceFilter }
  | { view: 'entities'; filter?: ComplianceFilter };

/**
 * Reads governance information from the governance backend.
 *
 * @public
 */
export interface GovernanceApi {
  /**
   * The governance summary of one catalog entity: tier, stored scorecard, ownership,
   * decision scope and annotation problems.
   *
   * @param entityRef - A full entity ref such as `component:default/payments`.
   */
  getEntitySummary(entityRef: string): Promise<EntityGovernanceSummary>;

  /**
   * Evaluates the entity's scorecard now, against the facts stored at this moment, and
   * returns the summary with the fresh results.
   *
   * @param entityRef - A full entity ref such as `component:default/payments`.
   */
  refreshScorecard(entityRef: string): Promise<EntityGovernanceSummary>;

  /**
   * The daily share of the entity's passing checks over the last days, rebuilt from the stored
   * history. Days on which the entity had no results are left out, so `points` can be empty.
   *
   * @param entityRef - A full entity ref such as `component:default/payments`.
   * @param days - How many days back, ending today: 1 to 366; the backend defaults to 90.
   */
  getScorecardTrend(
    entityRef: string,
    days?: number,
  ): Promise<EntityScorecardTrend>;

  /**
   * Grants a waiver: until it expires or is revoked, the check shows as `waived` instead of
   * failing, warning or unknown. Needs the `governance.waiver.create` permission.
   *
   * @param request - The entity, the check, why, and when the waiver expires (ISO timestamp).
   * @returns The waiver as stored, with who granted it and when.
   */
  createWaiver(request: CreateWaiverRequest): Promise<Waiver>;

  /**
   * Asks the council to waive a check: raises a review item of kind `waiver-request`. Needs
   * the `governance.review.create` permission; fails with 409, naming the open item, while
   * another request for the same check is open.
   *
   * @param request - The entity, the check, why, the proposed expiry and optionally an ADR.
   * @returns The new review item.
   */
  requestWaiver(request: RequestWaiverRequest): Promise<ReviewItem>;

  /**
   * Grants what a waiver request asks for (as the council amended it) and approves the item.
   * Needs `governance.review.decide` and `governance.waiver.create`. A stale `version` fails
   * with {@link ReviewConflictError}, carrying the item as it is now.
   *
   * @param id - The waiver request's review id.
   * @param request - The version the decision is based on, the waiver's reason and expiry,
   *   the rationale and optionally the ADR that records the decision.
   * @returns The approved item and the waiver, which links to the item.
   */
  grantWaiver(id: string, request: GrantWaiverRequest): Promise<GrantedWaiver>;

  /**
   * Revokes a waiver, so the check shows its real state again. Needs the
   * `governance.waiver.create` permission. Fails with 404 for an unknown waiver and 409 for one
   * that is already revoked.
   *
   * @param id - The waiver's id, as in `CheckResult.waiver.id`.
   * @returns The revoked waiver, with who revoked it and when.
   */
  revokeWaiver(id: string): Promise<Waiver>;

  /**
   * Every waiver of the entity, newest first, including revoked and expired ones.
   *
   * @param entityRef - A full entity ref such as `component:default/payments`.
   */
  listWaivers(entityRef: string): Promise<Waiver[]>;

  /**
   * The current scorecard results of the entities matching the filter, rolled up by one
   * dimension, least passing group first, with the totals over all of them.
   *
   * @param groupBy - The dimension to roll up by.
   * @param filter - Only entities matching every given dimension; `''` selects the entities
   *   without one (no system, for example).
   */
  getComplianceRollup(
    groupBy: ComplianceGroupBy,
    filter?: ComplianceFilter,
  ): Promise<ComplianceRollup>;

  /**
   * One page of the entities matching the filter, least compliant first.
   *
   * @param filter - As for {@link GovernanceApi.getComplianceRollup}.
   * @param page - Where the page starts and how many entities it holds (at most 100); the
   *   backend decides when none is given.
   */
  getComplianceEntities(
    filter?: ComplianceFilter,
    page?: { offset: number; limit: number },
  ): Promise<ComplianceEntityPage>;

  /**
   * One page of the invalid governance annotations the backend's last catalog scan found, held
   * back first: for the Catalog annotations view.
   *
   * @param query - `owner`: a full entity ref, or an empty string for entities without one;
   *   `offset` and `limit` (at most 100) as for the other pages.
   */
  listAnnotationProblems(query?: {
    owner?: string;
    offset?: number;
    limit?: number;
  }): Promise<AnnotationProblemPage>;

  /**
   * Every invalid governance annotation matching the filter, as a CSV file.
   *
   * @param query - `owner` as for {@link GovernanceApi.listAnnotationProblems}.
   */
  exportAnnotationProblemsCsv(query?: { owner?: string }): Promise<Blob>;

  /**
   * The daily counts of the entities matching the filter, oldest first, one point per day
   * that has results.
   *
   * @param filter - As for {@link GovernanceApi.getComplianceRollup}.
   * @param days - How many days back, ending today: 1 to 366; the backend defaults to 90.
   */
  getComplianceTrend(
    filter?: ComplianceFilter,
    days?: number,
  ): Promise<ComplianceTrend>;

  /**
   * The configured standards with their compliance and measured automation level against the
   * target, across the entities the caller may see, and the daily trend of both.
   *
   * @param days - How many days of trend, ending today: 1 to 366; the backend defaults to 90.
   */
  listStandards(days?: number): Promise<StandardList>;

  /**
   * The roll-up or the entity list of the Compliance view as a CSV file, ready to download.
   *
   * @param request - Which view, grouped by what, for which filter.
   */
  exportComplianceCsv(request: ComplianceCsvRequest): Promise<Blob>;

  /**
   * The entity's ADRs as stored at the last reading of its ADR location, sorted by number, with
   * the state of that location: not configured, still pending, read, or why it could not be read.
   *
   * @param entityRef - A full entity ref such as `component:default/payments`.
   */
  getEntityAdrs(entityRef: string): Promise<EntityAdrs>;

  /**
   * Reads the entity's ADR location again now and returns what it holds.
   *
   * @param entityRef - A full entity ref such as `component:default/payments`.
   */
  refreshEntityAdrs(entityRef: string): Promise<EntityAdrs>;

  /**
   * One ADR with its Markdown body, its links (with the linked ADR's id when it is known) and
   * every recorded retrospective, newest first.
   *
   * @param id - The ADR's id, as in `AdrSummary.id`.
   */
  getAdr(id: string): Promise<AdrDetail>;

  /**
   * A file next to the ADR, such as an image the body refers to, read by the backend with the
   * same reading rules as the ADR itself.
   *
   * @param id - The ADR's id.
   * @param path - The path as written in the ADR, relative to the ADR file.
   */
  getAdrAsset(id: string, path: string): Promise<Blob>;

  /**
   * What the entity's measured checks did in the weeks before and after the ADR's date. Fails
   * with 400 for an ADR without a date.
   *
   * @param id - The ADR's id.
   * @param weeks - How many weeks on either side of the decision; the backend decides when none
   *   is given.
   */
  getAdrImpact(id: string, weeks?: number): Promise<AdrImpact>;

  /**
   * Records a retrospective of an ADR. Needs the `governance.retrospective.create` permission.
   *
   * @param id - The ADR's id.
   * @param request - When it was held, its outcome and notes.
   * @returns The retrospective as stored, with who recorded it and when.
   */
  createRetrospective(
    id: string,
    request: CreateRetrospectiveRequest,
  ): Promise<Retrospective>;

  /**
   * The retrospectives recorded across the organisation, of ADRs whose entity the user can see:
   * counts per outcome and the newest first.
   */
  listRetrospectives(): Promise<RetrospectiveOutcomes>;

  /**
   * One page of the ADRs of every entity matching the query, filtered, sorted and paginated by
   * the backend.
   *
   * @param query - Filters, sort order and page; the backend decides what is left out.
   */
  getAdrIndex(query?: AdrIndexQuery): Promise<AdrIndexPage>;

  /**
   * One page of the architecture council's review items matching the query: open items first,
   * then the highest priority, then the oldest.
   *
   * @param query - Filters and page; each list matches any of its values, and an `assignee` of
   *   `''` selects the unassigned items. The backend decides the page when none is given.
   */
  listReviews(query?: ReviewQuery): Promise<ReviewPage>;

  /**
   * What the review forms offer: the kinds of review, and the council's group when configured.
   */
  getReviewSettings(): Promise<ReviewSettings>;

  /**
   * One review item with its discussion and history, both oldest first.
   *
   * @param id - The item's id, as in `ReviewItem.id`.
   */
  getReview(id: string): Promise<ReviewItemDetail>;

  /**
   * Asks the architecture council to review an entity. Needs the `governance.review.create`
   * permission.
   *
   * @param request - The entity, the kind of review, a title and optionally a description and
   *   a linked ADR.
   * @returns The new item, open and requested by the signed-in user.
   */
  requestReview(request: ReviewRequest): Promise<ReviewItem>;

  /**
   * Changes a review item: triage (assignee, priority, due date, status), a decision with its
   * rationale, or a withdrawal. Fails with 400 for a move the item's status does not allow and
   * 403 without the permission the change needs.
   *
   * @param id - The item's id.
   * @param update - The item's version the change is based on, and the fields to change.
   * @returns The item as stored after the change.
   * @throws {@link ReviewConflictError} when someone changed the item since that version; it
   *   carries the item as it is now.
   */
  updateReview(id: string, update: ReviewUpdate): Promise<ReviewItemDetail>;

  /**
   * Adds a comment to a review item's discussion, as the signed-in user.
   *
   * @param id - The item's id.
   * @param body - The comment's text.
   * @returns The comment as stored, with its author and time.
   */
  commentOnReview(id: string, body: string): Promise<ReviewComment>;

  /**
   * A design review's trade-off matrix; revision 0 with the configured criteria while none is
   * saved.
   */
  getReviewTradeOff(id: string): Promise<TradeOffMatrix>;

  /**
   * Replaces a design review's trade-off matrix (its requester, or `governance.review.triage`).
   * A stale `revision` fails with a 409 naming the current one.
   */
  saveReviewTradeOff(
    id: string,
    update: TradeOffMatrixUpdate,
  ): Promise<TradeOffMatrix>;

  /**
   * Records what happened per criterion with the chosen option, at the retrospective
   * (`governance.retrospective.create`).
   */
  saveReviewTradeOffOutcomes(
    id: string,
    update: TradeOffOutcomesUpdate,
  ): Promise<TradeOffMatrix>;

  /** The trade-off matrix of the decided design review that this ADR records; 404 when none. */
  getAdrTradeOff(adrId: string): Promise<TradeOffMatrix>;

  /**
   * The council's campaigns with their progress, soonest deadline first.
   *
   * @param state - `active` (the backend's default), `closed` or `all`.
   */
  listCampaigns(state?: CampaignListState): Promise<Campaign[]>;

  /**
   * One campaign with its daily progress (for the burn-up chart) and its owners, furthest
   * behind first.
   *
   * @param id - The campaign's id, as in `Campaign.id`.
   */
  getCampaign(id: string): Promise<CampaignDetail>;

  /**
   * Starts a campaign. Needs the `governance.campaign.manage` permission; fails with 400
   * naming an unknown check id or a deadline that has passed.
   *
   * @param request - Title, description, optional link, checks, target selection and deadline.
   * @returns The campaign as stored, with its first progress.
   */
  createCampaign(request: CreateCampaignRequest): Promise<Campaign>;

  /**
   * Edits or closes (`state: 'closed'`) a campaign. Needs the `governance.campaign.manage`
   * permission; fails with 409 when someone changed the campaign since `revision`.
   *
   * @param id - The campaign's id.
   * @param update - The revision the change is based on, and the fields to change.
   */
  updateCampaign(id: string, update: UpdateCampaignRequest): Promise<Campaign>;

  /**
   * One page of a campaign's entities that the caller may see, each with its owner and the
   * campaign checks it still fails.
   *
   * @param id - The campaign's id.
   * @param query - `done: false` for the entities not done; an owner's ref (`''` for the
   *   entities without one); the page.
   */
  listCampaignEntities(
    id: string,
    query?: CampaignEntityQuery,
  ): Promise<CampaignEntityPage>;

  /**
   * The campaigns an entity is in, with each deadline and state and whether the entity is done.
   *
   * @param entityRef - A full entity ref such as `component:default/payments`.
   */
  getEntityCampaigns(entityRef: string): Promise<EntityCampaign[]>;

  /**
   * The approved stack: every technology on the radar or used by an entity the caller may see,
   * with its ring and how many of those entities use it, and whether the radar could be read.
   */
  listStackTechnologies(): Promise<StackTechnologyList>;
}

/**
 * Which campaigns {@link GovernanceApi.listCampaigns} lists.
 *
 * @public
 */
export type CampaignListState = 'active' | 'closed' | 'all';

/**
 * Which of a campaign's entities {@link GovernanceApi.listCampaignEntities} lists, and which
 * page: `page` counts from 1, `pageSize` is at most 100; the backend decides when left out.
 *
 * @public
 */
export type CampaignEntityQuery = NonNullable<
  GovernanceApiOperations['ListCampaignEntities']['parameters']['query']
>;

/**
 * The {@link GovernanceApi} reference.
 *
 * @public
 */
export const governanceApiRef = createApiRef<GovernanceApi>({
  id: 'plugin.governance.service',
});
