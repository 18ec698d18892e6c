import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { EntitySummaryService } from './EntitySummaryService';

const validator = makeValidator();

/**
 * Reads the mandatory `entityRef` query parameter as a full, normalised entity ref.
 * A missing, repeated or malformed value is a 400 naming what is expected.
 */
function readEntityRef(query: express.Request['query']): string {
  const raw = query.entityRef;
  if (typeof raw !== 'string' || raw.length === 0) {
    throw new InputError(
      `Query parameter 'entityRef' is required once, as kind:namespace/name, e.g. component:default/payments`,
    );
  }
  try {
    const ref = parseEntityRef(raw);
    const valid =
      validator.isValidKind(ref.kind) &&
      validator.isValidNamespace(ref.namespace) &&
      validator.isValidEntityName(ref.name);
    if (!valid) {
      throw new Error(
        'kind, namespace or name has characters the catalog does not allow',
      );
    }
    return stringifyEntityRef(ref);
  } catch (e) {
    throw new InputError(
      `Malformed entityRef '${raw}': expected kind:namespace/name, e.g. component:default/payments (${
        (e as Error).message
      })`,
    );
  }
}

/** @internal */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  summaries: EntitySummaryService;
}): Promise<express.Router> {
  const { httpAuth, summaries } = options;
  const router = Router();
  router.use(express.json());

  router.get('/summary', async (req, res) => {
    const entityRef = readEntityRef(req.query);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await summaries.getSummary(entityRef, credentials));
  });

  return router;
}
