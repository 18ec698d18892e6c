import { AuthService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  REVIEW_STATUSES,
  isReviewClosed,
} from '@catalog-governance/backstage-plugin-governance-common';
import { EntitySummaryService } from '../summary/EntitySummaryService';
import { parseStrictEntityRef } from '../catalog/entityRefs';
import {
  entityRefInput,
  entityRefObject,
  READ_ONLY_ACTION,
} from '../catalog/entityRefInput';
import { ReviewService } from './ReviewService';

const OPEN_STATUSES = REVIEW_STATUSES.filter(s => !isReviewClosed(s));

/**
 * Governance actions for Backstage's actions registry (served to AI agents by the MCP actions
 * backend): an entity's governance summary, the open reviews, and requesting a review. They
 * run with the caller's credentials, so catalog visibility and the review permissions apply.
 *
 * @internal
 */
export function registerReviewActions(options: {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
  reviews: ReviewService;
  summaries: EntitySummaryService;
}): void {
  const { actionsRegistry, auth, reviews, summaries } = options;

  actionsRegistry.register({
    name: 'get-entity-governance-summary',
    title: 'Get governance summary',
    description:
      "An entity's governance summary: its tier, the scorecard its tier demands (each check's state, target and actual value), its maturity level (level.current, the level its tier requires, and level.next: the next level with the checks still failing for it), ownership, decision scope and annotation problems.",
    attributes: READ_ONLY_ACTION,
    schema: {
      input: entityRefObject,
      output: z =>
        z.object({
          summary: z.record(z.unknown()).describe('EntityGovernanceSummary'),
        }),
    },
    action: async ({ input, credentials }) => {
      const summary = await summaries.getSummary(
        parseStrictEntityRef(input.entityRef),
        credentials,
      );
      return {
        output: { summary: summary as unknown as Record<string, unknown> },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-open-reviews',
    title: 'List open reviews',
    description:
      "The architecture council's open review items (open, in review, changes requested), most urgent first, optionally for one entity.",
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z)
            .optional()
            .describe('Only the reviews of this entity'),
          limit: z.number().int().min(1).max(100).optional(),
        }),
      output: z =>
        z.object({
          totalCount: z.number(),
          items: z.array(
            z.object({
              id: z.string(),
              entityRef: z.string(),
              kind: z.string(),
              title: z.string(),
              status: z.string(),
              priority: z.string(),
              assignee: z.string().optional(),
              dueDate: z.string().optional(),
              overdue: z.boolean(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const page = await reviews.list(
        {
          entityRef: input.entityRef
            ? parseStrictEntityRef(input.entityRef)
            : undefined,
          status: OPEN_STATUSES,
          limit: input.limit ?? 25,
        },
        credentials,
      );
      return {
        output: {
          totalCount: page.totalCount,
          items: page.items.map(item => ({
            id: item.id,
            entityRef: item.entityRef,
            kind: item.kind,
            title: item.title,
            status: item.status,
            priority: item.priority,
            assignee: item.assignee,
            dueDate: item.dueDate,
            overdue: item.overdue,
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'request-review',
    title: 'Request a review',
    description:
      'Asks the architecture council to review an entity (a design review by default). Needs a signed-in user with the permission governance.review.create.',
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          // The same limit as POST /reviews (ReviewKindId).
          kind: z
            .string()
            .max(63)
            .optional()
            .describe(
              `Review kind, one of ${reviews.kinds
                .map(k => k.id)
                .join(', ')}; design-review when absent`,
            ),
          // The same limits as POST /reviews.
          title: z.string().trim().min(1).max(255),
          description: z.string().trim().max(10_000).optional(),
          adr: z
            .string()
            .trim()
            .max(2_000)
            .optional()
            .describe('An ADR id or URL to link'),
        }),
      output: z => z.object({ id: z.string(), status: z.string() }),
    },
    action: async ({ input, credentials }) => {
      if (!auth.isPrincipal(credentials, 'user')) {
        throw new NotAllowedError('Requesting a review needs a signed-in user');
      }
      let entityRef: string;
      try {
        entityRef = parseStrictEntityRef(input.entityRef);
      } catch (error) {
        throw new InputError(
          `entityRef is not an entity ref such as component:default/payments: ${
            (error as Error).message
          }`,
        );
      }
      const item = await reviews.request(
        {
          kind: 'design-review',
          ...input,
          entityRef,
          description: input.description || undefined,
          adr: input.adr || undefined,
        },
        credentials,
      );
      return { output: { id: item.id, status: item.status } };
    },
  });
}
