import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  describeValue,
  governanceReviewCreatePermission,
  ReviewComment,
  ReviewItem,
  ReviewItemDetail,
  ReviewKind,
  ReviewPage,
  ReviewQuery,
  ReviewRequest,
  ReviewUpdate,
  WAIVER_REQUEST_KIND,
  WaiverProposal,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  GovernanceCouncilMembership,
  GovernanceEscalation,
} from '@catalog-governance/backstage-plugin-governance-node';
import { requirePermission } from '../permissions/requirePermission';
import { DatabaseReviewStore } from '../database/DatabaseReviewStore';
import { DatabaseReviewCauses } from '../database/DatabaseReviewCauses';
import { TradeOffStore } from '../database/TradeOffStore';
import { CatalogVisibility } from '../catalog/CatalogVisibility';
import { AuditContext, audited } from '../audit/audited';
import { ReviewNotifier } from './ReviewNotifier';
import { auditMeta, reviewPatchFor } from './reviewPatch';

/**
 * A stale update: someone changed the item since the version the caller read. Answered with
 * 409 and the item as it is now.
 *
 * @internal
 */
export class ReviewConflictError extends ConflictError {
  constructor(readonly current: ReviewItemDetail) {
    super(
      `Review ${current.id} was changed by someone else: it is at version ${current.version}. Reload it and apply your change again.`,
    );
  }
}

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/**
 * The review queue's rules, shared by the HTTP routes and the actions registry: who may do
 * what (through the permission framework), which status moves are allowed, optimistic
 * concurrency, audit events and notifications.
 *
 * @internal
 */
export class ReviewService {
  private readonly membership?: GovernanceCouncilMembership;
  private readonly visibility: CatalogVisibility;

  constructor(
    private readonly deps: {
      store: DatabaseReviewStore;
      causes: DatabaseReviewCauses;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      auditor: AuditorService;
      logger: LoggerService;
      notifier: ReviewNotifier;
      /** The design reviews' trade-off matrices, which a decision's chosen option must be in. */
      tradeOffs?: TradeOffStore;
      kinds: ReviewKind[];
      councilGroup?: string;
    },
  ) {
    this.visibility = new CatalogVisibility(deps);
    if (deps.councilGroup) {
      this.membership = new GovernanceCouncilMembership({
        catalog: deps.catalog,
        auth: deps.auth,
        councilGroup: deps.councilGroup,
      });
    }
  }

  get kinds(): ReviewKind[] {
    return this.deps.kinds;
  }

  /**
   * Reviews of the entities the caller can see in the catalog: the catalog's read permission
   * applies to the queue as it does to entity pages.
   */
  async list(
    query: ReviewQuery,
    credentials: BackstageCredentials,
  ): Promise<ReviewPage> {
    const { store } = this.deps;
    if (query.entityRef) {
      await this.checkVisible(query.entityRef, credentials);
      return store.listItems(query);
    }
    const hidden = await this.visibility.hiddenFrom(credentials, () =>
      store.listReviewedEntityRefs(),
    );
    return store.listItems(query, { hidden });
  }

  /** One review with its discussion and history, if the caller can see its entity. */
  async get(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<ReviewItemDetail> {
    const item = await this.load(id);
    // An item of a hidden entity does not exist as far as the caller can tell.
    await this.checkVisible(item.entityRef, credentials, `No review ${id}`);
    return item;
  }

  private async load(id: string): Promise<ReviewItemDetail> {
    const item = await this.deps.store.getDetail(id);
    if (!item) {
      throw new NotFoundError(`No review ${id}`);
    }
    return item;
  }

  private async checkVisible(
    entityRef: string,
    credentials: BackstageCredentials,
    notFound = `No entity ${entityRef} in the catalog`,
  ): Promise<void> {
    if (!(await this.deps.catalog.getEntityByRef(entityRef, { credentials }))) {
      throw new NotFoundError(notFound);
    }
  }

  /**
   * Raises a review of an entity the caller can see. The input is already well-formed (the
   * HTTP schema or the action's schema saw to that); the kinds come from config, so they are
   * checked here.
   */
  async request(
    input: ReviewRequest,
    credentials: UserCredentials,
    audit?: AuditContext,
    waiverRequest?: WaiverProposal,
  ): Promise<ReviewItem> {
    await this.authorize(
      governanceReviewCreatePermission,
      credentials,
      'Requesting a review',
    );
    this.checkKind(input.kind);
    if (input.kind === WAIVER_REQUEST_KIND && !waiverRequest) {
      throw new InputError(
        'Invalid review request: a waiver request names the check and the expiry it asks for; send it to POST /waiver-requests',
      );
    }
    if (
      !(await this.deps.catalog.getEntityByRef(input.entityRef, {
        credentials,
      }))
    ) {
      throw new InputError(`No entity ${input.entityRef} in the catalog`);
    }
    const requestedBy = credentials.principal.userEntityRef;
    const item = await audited(
      this.deps.auditor,
      audit,
      'review-create',
      {
        entityRef: input.entityRef,
        kind: input.kind,
        ...(waiverRequest ? { checkId: waiverRequest.checkId } : {}),
      },
      async () =>
        (await this.deps.store.createItem(
          {
            ...input,
            description: input.description ?? '',
            priority: 'medium',
            requestedBy,
            waiverRequest,
          },
          requestedBy,
        ))!,
    );
    await this.deps.notifier.newItem(item);
    return item;
  }

  private checkKind(kind: string): void {
    const kinds = this.deps.kinds.map(k => k.id);
    if (!kinds.includes(kind)) {
      throw new InputError(
        `Invalid review request: kind ${describeValue(
          kind,
        )} is not allowed, expected one of ${kinds.join(', ')}`,
      );
    }
  }

  /** Raises a trigger's escalation; undefined when its cause was raised before. */
  async escalate(
    triggerId: string,
    escalation: GovernanceEscalation,
  ): Promise<ReviewItem | undefined> {
    const item = await audited(
      this.deps.auditor,
      undefined,
      'review-escalate',
      {
        triggerId,
        causeKey: escalation.causeKey,
        entityRef: escalation.entityRef,
      },
      () =>
        this.deps.store.createItem(
          {
            entityRef: escalation.entityRef,
            kind: escalation.kind,
            title: escalation.title.slice(0, 255),
            description: escalation.description,
            priority: escalation.priority ?? 'medium',
            dueDate: escalation.dueDate,
            triggerId,
            causeKey: escalation.causeKey,
          },
          `trigger:${triggerId}`,
        ),
    );
    if (item) {
      await this.deps.notifier.newItem(item);
    }
    return item;
  }

  /**
   * Closes or marks the trigger's open items whose cause is not among `holding` (the causes
   * its run just saw), recording it in each item's history and telling its assignee. Returns
   * how many items changed.
   */
  async clearCauses(
    triggerId: string,
    action: 'close' | 'mark',
    holding: ReadonlySet<string>,
    now = new Date(),
  ): Promise<number> {
    const { causes, auditor, notifier, store } = this.deps;
    const cleared = (await causes.listOpenCauses(triggerId)).filter(
      cause => !holding.has(cause.causeKey),
    );
    let changed = 0;
    for (const cause of cleared) {
      const recorded = action === 'close' ? 'closed' : 'marked';
      // A change made in between (triage, another replica) makes this a no-op; the next run
      // looks at the item again.
      const done = await audited(
        auditor,
        undefined,
        'review-cause-cleared',
        {
          reviewId: cause.reviewId,
          triggerId,
          causeKey: cause.causeKey,
          action: recorded,
        },
        () =>
          causes.clearCause(
            cause.reviewId,
            cause.version,
            recorded,
            `trigger:${triggerId}`,
            now,
          ),
      );
      const item = done ? await store.getItem(cause.reviewId, now) : undefined;
      if (item) {
        changed += 1;
        await notifier.causeCleared(item);
      }
    }
    return changed;
  }

  /** The waiver request for this check of the entity that is not closed yet, if any. */
  async openWaiverRequest(
    entityRef: string,
    checkId: string,
  ): Promise<ReviewItem | undefined> {
    return this.deps.store.findOpenWaiverRequest(entityRef, checkId);
  }

  /**
   * Moves, triages or decides an item. A waiver request is approved only by granting its
   * waiver (`grantingWaiver`, from the waiver requests), so an approval always has its waiver.
   */
  async update(
    id: string,
    update: ReviewUpdate,
    credentials: UserCredentials,
    audit?: AuditContext,
    options: { grantingWaiver?: boolean } = {},
  ): Promise<ReviewItemDetail> {
    const current = await this.get(id, credentials);
    if (current.version !== update.version) {
      throw new ReviewConflictError(current);
    }
    if (
      current.waiverRequest &&
      update.status === 'approved' &&
      !options.grantingWaiver
    ) {
      throw new InputError(
        `Review #${current.number} is a waiver request: it is approved by granting the waiver (POST /reviews/${id}/waiver, "Grant waiver" in the review dialog), which needs the permission governance.waiver.create`,
      );
    }
    const patch = await reviewPatchFor(current, update, credentials, {
      authorize: (permission, who, action) =>
        this.authorize(permission, who, action),
      checkAssignee: (assignee, who) => this.checkAssignee(assignee, who),
      checkChosenOption: (item, optionId) =>
        this.checkChosenOption(item, optionId),
    });
    const actor = credentials.principal.userEntityRef;
    const outcome = await audited(
      this.deps.auditor,
      audit,
      'review-update',
      auditMeta(id, patch),
      () => this.deps.store.updateItem(id, update.version, patch, actor),
    );
    const updated = await this.load(id);
    if (outcome === 'conflict') {
      throw new ReviewConflictError(updated);
    }
    if (outcome === 'updated') {
      if (patch.assignee && patch.assignee !== current.assignee) {
        await this.deps.notifier.assigned(updated);
      }
      if (patch.decision) {
        await this.deps.notifier.decided(
          updated,
          await this.ownersOf(updated.entityRef),
        );
      }
    }
    return updated;
  }

  async comment(
    id: string,
    text: string,
    credentials: UserCredentials,
    audit?: AuditContext,
  ): Promise<ReviewComment> {
    // Only whether the caller may see it: the discussion and history are not needed here.
    const item = await this.deps.store.getItem(id);
    if (!item) {
      throw new NotFoundError(`No review ${id}`);
    }
    await this.checkVisible(item.entityRef, credentials, `No review ${id}`);
    const comment = await audited(
      this.deps.auditor,
      audit,
      'review-comment',
      { reviewId: id },
      () =>
        this.deps.store.addComment(
          id,
          credentials.principal.userEntityRef,
          text,
        ),
    );
    if (!comment) {
      throw new NotFoundError(`No review ${id}`);
    }
    return comment;
  }

  private async checkAssignee(
    assignee: string,
    credentials: UserCredentials,
  ): Promise<void> {
    if (!(await this.deps.catalog.getEntityByRef(assignee, { credentials }))) {
      throw new InputError(`assignee ${assignee} is not a user in the catalog`);
    }
    if (this.membership && !(await this.membership.isMember(assignee))) {
      throw new InputError(
        `assignee ${assignee} is not a member of the council group ${this.deps.councilGroup}`,
      );
    }
  }

  private async checkChosenOption(
    item: ReviewItemDetail,
    optionId: string,
  ): Promise<void> {
    const matrix = await this.deps.tradeOffs?.getTradeOff(item.id);
    const options = matrix?.options.map(o => o.id) ?? [];
    if (!options.includes(optionId)) {
      throw new InputError(
        `chosenOption ${describeValue(optionId)} is not an option of review #${
          item.number
        }'s trade-off matrix; allowed: ${
          options.join(', ') || 'none (the item has no options)'
        }`,
      );
    }
  }

  private async ownersOf(entityRef: string): Promise<string[]> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    return (entity?.relations ?? [])
      .filter(r => r.type === RELATION_OWNED_BY)
      .map(r => r.targetRef);
  }

  /** 403 naming the permission the action needs, unless the caller has it. */
  async authorize(
    permission: BasicPermission,
    credentials: UserCredentials,
    action: string,
  ): Promise<void> {
    await requirePermission(
      this.deps.permissions,
      permission,
      credentials,
      action,
    );
  }
}
