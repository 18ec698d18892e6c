import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  describeValue,
  governanceRetrospectiveCreatePermission,
  governanceReviewTriagePermission,
  isReviewClosed,
  ReviewItemDetail,
  TRADE_OFF_REVIEW_KIND,
  TradeOffCriterion,
  TradeOffMatrix,
  TradeOffMatrixUpdate,
  TradeOffOutcomesUpdate,
} from '@catalog-governance/backstage-plugin-governance-common';
import { AuditContext, audited } from '../audit/audited';
import { StoredTradeOff, TradeOffStore } from '../database/TradeOffStore';
import { ReviewService } from './ReviewService';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/** The first id that occurs twice, if any. */
function repeated(ids: string[]): string | undefined {
  return ids.find((id, index) => ids.indexOf(id) !== index);
}

/**
 * What the schema cannot say about a matrix: ids unique, cells pointing at an option and a
 * criterion of the matrix, one cell per pair. A 400 names the first problem and what is
 * allowed.
 */
export function checkTradeOffMatrix(update: TradeOffMatrixUpdate): void {
  const criteria = update.criteria.map(c => c.id);
  const options = update.options.map(o => o.id);
  for (const [what, ids] of [
    ['criterion', criteria],
    ['option', options],
  ] as const) {
    const twice = repeated(ids);
    if (twice) {
      throw new InputError(
        `Invalid trade-off matrix: ${what} id ${describeValue(
          twice,
        )} is used twice; each ${what} needs its own id`,
      );
    }
  }
  const pairs = new Set<string>();
  update.cells.forEach((cell, index) => {
    const at = `cells[${index}]`;
    if (!options.includes(cell.optionId)) {
      throw new InputError(
        `Invalid trade-off matrix: ${at}.optionId ${describeValue(
          cell.optionId,
        )} is not an option; allowed: ${options.join(', ') || 'none'}`,
      );
    }
    if (!criteria.includes(cell.criterionId)) {
      throw new InputError(
        `Invalid trade-off matrix: ${at}.criterionId ${describeValue(
          cell.criterionId,
        )} is not a criterion; allowed: ${criteria.join(', ')}`,
      );
    }
    const pair = `${cell.optionId} ${cell.criterionId}`;
    if (pairs.has(pair)) {
      throw new InputError(
        `Invalid trade-off matrix: ${at} scores option ${cell.optionId} on ${cell.criterionId} a second time; one cell per option and criterion`,
      );
    }
    pairs.add(pair);
  });
}

/**
 * Trade-off matrices of design reviews: reading them with the item's visibility, editing them
 * as the review's requester or triage, and recording at the retrospective what happened with
 * the option the decision chose. Every change is audited.
 *
 * @internal
 */
export class TradeOffService {
  constructor(
    private readonly deps: {
      reviews: ReviewService;
      store: TradeOffStore;
      auditor: AuditorService;
      /** `governance.reviews.tradeOffCriteria`: what a new matrix starts with. */
      defaultCriteria: TradeOffCriterion[];
    },
  ) {}

  /** The matrix of a design review the caller can see; the defaults while none is stored. */
  async get(
    reviewId: string,
    credentials: BackstageCredentials,
  ): Promise<TradeOffMatrix> {
    const item = await this.designReview(reviewId, credentials);
    return this.toMatrix(item, await this.deps.store.getTradeOff(item.id));
  }

  /** The matrix of the decided design review that links this ADR, for its retrospective. */
  async getForAdr(
    adrId: string,
    credentials: BackstageCredentials,
  ): Promise<TradeOffMatrix> {
    const reviewId = await this.deps.store.findReviewOfAdr(adrId);
    if (!reviewId) {
      throw new NotFoundError(
        `No decided design review with a trade-off matrix links ADR ${adrId}`,
      );
    }
    return this.get(reviewId, credentials);
  }

  async save(
    reviewId: string,
    update: TradeOffMatrixUpdate,
    credentials: UserCredentials,
    audit?: AuditContext,
  ): Promise<TradeOffMatrix> {
    const item = await this.designReview(reviewId, credentials);
    if (isReviewClosed(item.status)) {
      throw new InputError(
        `Review #${item.number} is ${item.status}: its trade-off matrix stays as it was decided`,
      );
    }
    const requester =
      item.origin.type === 'user' &&
      item.origin.requestedBy === credentials.principal.userEntityRef;
    if (!requester) {
      await this.deps.reviews.authorize(
        governanceReviewTriagePermission,
        credentials,
        'Editing the trade-off matrix of a review someone else requested',
      );
    }
    checkTradeOffMatrix(update);
    const { store, auditor } = this.deps;
    const outcome = await audited(
      auditor,
      audit,
      'review-trade-off-update',
      {
        reviewId,
        revision: update.revision,
        options: update.options.length,
        criteria: update.criteria.length,
      },
      () =>
        store.saveTradeOff(
          item.id,
          update.revision,
          update,
          credentials.principal.userEntityRef,
        ),
    );
    return this.afterWrite(item, outcome);
  }

  async saveOutcomes(
    reviewId: string,
    update: TradeOffOutcomesUpdate,
    credentials: UserCredentials,
    audit?: AuditContext,
  ): Promise<TradeOffMatrix> {
    await this.deps.reviews.authorize(
      governanceRetrospectiveCreatePermission,
      credentials,
      'Recording what happened after a decision',
    );
    const item = await this.designReview(reviewId, credentials);
    const stored = await this.deps.store.getTradeOff(item.id);
    if (!item.decision?.chosenOption || !stored) {
      throw new InputError(
        `Review #${item.number} has no decision with a chosen trade-off option yet; what happened is recorded after the decision`,
      );
    }
    const criteria = stored.criteria.map(c => c.id);
    const twice = repeated(update.outcomes.map(o => o.criterionId));
    const unknown = update.outcomes.find(
      o => !criteria.includes(o.criterionId),
    );
    if (twice || unknown) {
      throw new InputError(
        `Invalid outcomes: criterion ${describeValue(
          twice ?? unknown!.criterionId,
        )} is ${
          twice ? 'given twice' : 'not in the matrix'
        }; allowed once each: ${criteria.join(', ')}`,
      );
    }
    const { store, auditor } = this.deps;
    const outcome = await audited(
      auditor,
      audit,
      'review-trade-off-outcomes',
      { reviewId, revision: update.revision },
      () =>
        store.saveOutcomes(
          item.id,
          update.revision,
          update.outcomes.filter(o => o.happened.trim()),
          credentials.principal.userEntityRef,
        ),
    );
    return this.afterWrite(item, outcome);
  }

  private async afterWrite(
    item: ReviewItemDetail,
    outcome: 'saved' | 'conflict',
  ): Promise<TradeOffMatrix> {
    const stored = await this.deps.store.getTradeOff(item.id);
    if (outcome === 'conflict') {
      throw new ConflictError(
        `The trade-off matrix of review #${
          item.number
        } was changed by someone else: it is at revision ${
          stored?.revision ?? 0
        }. Reload it and apply your change again.`,
      );
    }
    return this.toMatrix(item, stored);
  }

  private async designReview(
    reviewId: string,
    credentials: BackstageCredentials,
  ): Promise<ReviewItemDetail> {
    const item = await this.deps.reviews.get(reviewId, credentials);
    if (item.kind !== TRADE_OFF_REVIEW_KIND) {
      throw new InputError(
        `Review #${item.number} is a ${item.kind}; only a ${TRADE_OFF_REVIEW_KIND} carries a trade-off matrix`,
      );
    }
    return item;
  }

  private toMatrix(
    item: ReviewItemDetail,
    stored: StoredTradeOff | undefined,
  ): TradeOffMatrix {
    const chosenOption = item.decision?.chosenOption;
    if (!stored) {
      return {
        reviewId: item.id,
        revision: 0,
        criteria: this.deps.defaultCriteria,
        options: [],
        cells: [],
        outcomes: [],
        chosenOption,
      };
    }
    const { reviewId, revision, criteria, options, cells, outcomes } = stored;
    return {
      reviewId,
      revision,
      criteria,
      options,
      cells,
      outcomes,
      chosenOption,
      updatedBy: stored.updatedBy,
      updatedAt: stored.updatedAt,
    };
  }
}
