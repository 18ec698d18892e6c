import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { Response } from 'express';
import {
  describeValues,
  ReviewQuery,
  ReviewSettings,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReviewConflictError, ReviewService } from '../reviews/ReviewService';
import { GovernanceApiRouter } from './openApiRouter';
import { readEntityRef } from './queryParameters';
import {
  readReviewComment,
  readReviewRequest,
  readReviewUpdate,
} from './readReviewRequest';

/** The kinds are configured, so the contract can only check their form. */
function checkKinds(kinds: string[] | undefined, allowed: string[]) {
  const wrong = (kinds ?? []).filter(kind => !allowed.includes(kind));
  if (wrong.length) {
    throw new InputError(
      `Query parameter 'kind' has ${describeValues(
        wrong,
      )}; allowed are ${allowed.join(', ')}`,
    );
  }
}

/**
 * Runs a change of a review item; a stale version is answered 409 with the item as it is now,
 * so the client can show what changed.
 *
 * @internal
 */
export async function answeringConflicts(
  res: Response,
  change: () => Promise<unknown>,
): Promise<void> {
  try {
    await change();
  } catch (error) {
    if (error instanceof ReviewConflictError) {
      res.status(409).json({
        error: { name: error.name, message: error.message },
        item: error.current,
      });
      return;
    }
    throw error;
  }
}

/**
 * The review queue's routes: list, request, read, update (409 with the current item on a stale
 * version) and comment.
 *
 * @internal
 */
export function registerReviewRoutes(
  router: GovernanceApiRouter,
  options: {
    httpAuth: HttpAuthService;
    reviews: ReviewService;
    councilGroup?: string;
  },
): void {
  const { httpAuth, reviews } = options;

  router.get('/reviews', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { entityRef, assignee, overdue, ...filters } = req.query;
    checkKinds(
      filters.kind,
      reviews.kinds.map(k => k.id),
    );
    const query: ReviewQuery = {
      ...filters,
      entityRef: entityRef ? readEntityRef(entityRef) : undefined,
      // An empty assignee selects the unassigned items.
      assignee: assignee ? readEntityRef(assignee, 'assignee') : assignee,
      overdue: overdue || undefined,
    };
    res.json(await reviews.list(query, credentials));
  });

  router.get('/reviews/settings', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const settings: ReviewSettings = {
      kinds: reviews.kinds,
      councilGroup: options.councilGroup,
    };
    res.json(settings);
  });

  router.post('/reviews', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const input = readReviewRequest(req.body);
    res
      .status(201)
      .json(await reviews.request(input, credentials, { request: req }));
  });

  router.get('/reviews/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await reviews.get(req.params.id, credentials));
  });

  router.patch('/reviews/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await answeringConflicts(res, async () =>
      res.json(
        await reviews.update(
          req.params.id,
          readReviewUpdate(req.body),
          credentials,
          { request: req },
        ),
      ),
    );
  });

  router.post('/reviews/:id/comments', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const text = readReviewComment(req.body);
    res.status(201).json(
      await reviews.comment(req.params.id, text, credentials, {
        request: req,
      }),
    );
  });
}
