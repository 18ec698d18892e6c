import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  describeValues,
  describeValue,
  REVIEW_PRIORITIES,
  REVIEW_STATUSES,
  ReviewPriority,
  ReviewQuery,
  ReviewSettings,
  ReviewStatus,
} from '@catalog-governance/backstage-plugin-governance-common';
import express from 'express';
import Router from 'express-promise-router';
import { ReviewConflictError, ReviewService } from '../reviews/ReviewService';
import { parseStrictEntityRef } from '../catalog/entityRefs';
import { readList, readOne, readPage } from './queryParameters';
import {
  readReviewComment,
  readReviewRequest,
  readReviewUpdate,
} from './readReviewRequest';

type Query = express.Request['query'];

function readEnumList<T extends string>(
  query: Query,
  name: string,
  allowed: readonly T[],
): T[] | undefined {
  const values = readList(query, name);
  const wrong = values.filter(v => !(allowed as readonly string[]).includes(v));
  if (wrong.length) {
    throw new InputError(
      `Query parameter '${name}' has ${describeValues(
        wrong,
      )}; allowed are ${allowed.join(', ')}`,
    );
  }
  return values.length ? (values as T[]) : undefined;
}

function readReviewQuery(query: Query, kinds: string[]): ReviewQuery {
  const entityRef = readOne(query, 'entityRef');
  const assignee = readOne(query, 'assignee');
  const overdue = readOne(query, 'overdue');
  if (overdue !== undefined && overdue !== 'true' && overdue !== 'false') {
    throw new InputError(
      `Query parameter 'overdue' must be true or false, got ${describeValue(
        overdue,
      )}`,
    );
  }
  const normalise = (name: string, value: string | undefined) => {
    if (!value) {
      return value;
    }
    try {
      return parseStrictEntityRef(value);
    } catch {
      throw new InputError(
        `Query parameter '${name}' is not an entity ref such as component:default/payments`,
      );
    }
  };
  return {
    entityRef: normalise('entityRef', entityRef),
    status: readEnumList<ReviewStatus>(query, 'status', REVIEW_STATUSES),
    kind: readEnumList(query, 'kind', kinds),
    priority: readEnumList<ReviewPriority>(
      query,
      'priority',
      REVIEW_PRIORITIES,
    ),
    assignee: normalise('assignee', assignee),
    overdue: overdue === 'true' ? true : undefined,
    ...readPage(query),
  };
}

/**
 * The review queue's routes: list, request, read, update (409 with the current item on a stale
 * version) and comment.
 *
 * @internal
 */
export function createReviewRoutes(options: {
  httpAuth: HttpAuthService;
  reviews: ReviewService;
  councilGroup?: string;
}): express.Router {
  const { httpAuth, reviews } = options;
  const router = Router();

  router.get('/reviews', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = readReviewQuery(
      req.query,
      reviews.kinds.map(k => k.id),
    );
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
    const input = readReviewRequest(req.body, reviews.kinds);
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
    try {
      res.json(
        await reviews.update(
          req.params.id,
          readReviewUpdate(req.body),
          credentials,
          { request: req },
        ),
      );
    } catch (error) {
      if (error instanceof ReviewConflictError) {
        // The current item travels with the error, so the client can show what changed.
        res.status(409).json({
          error: { name: error.name, message: error.message },
          item: error.current,
        });
        return;
      }
      throw error;
    }
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

  return router;
}
