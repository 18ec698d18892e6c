import { ApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { middleware as openApiValidator } from 'express-openapi-validator';
import { createOpenApiRouter, spec } from '../schema/openapi';
import { readQueryLists, readQueryNumbers } from './validation';

/**
 * The router generated from `src/schema/openapi.yaml`: its routes' parameters and bodies are
 * typed from the contract and checked against it before a handler runs.
 *
 * @internal
 */
export type GovernanceApiRouter = ApiRouter<typeof spec>;

/**
 * How requests are checked against the contract: every problem of a request is reported, and
 * query parameters the contract does not name are ignored, as they were before there was a
 * contract. Bodies are read before the router (see `readInput`), so it parses none.
 */
const VALIDATOR_OPTIONS = {
  validateRequests: {
    allErrors: true,
    coerceTypes: false,
    allowUnknownQueryParameters: true,
  },
  // As `@backstage/backend-openapi-utils` sets them.
  useRequestUrl: true,
  ignoreUndocumented: true,
  validateResponses: false,
  // Two of the validator's steps that cost every request and can refuse none: the contract lets
  // anyone call (`security: [{}, JWT]`; who may is `httpAuth`'s to say), and no operation takes
  // a multipart body.
  validateSecurity: false,
  fileUploader: false,
} as const;

type Paths = Record<string, unknown>;
type Components = Record<string, Record<string, unknown>>;

/**
 * Creates the validated router.
 *
 * express-openapi-validator finds a request's operation by turning every path of the contract
 * into a regular expression again on every request: with our three dozen paths that was a good part
 * of a `/summary` request's time. So each path gets a validator of its own, over a contract
 * holding that path alone, and a request is handed to its path's validator by expressions
 * built once. The checks are the validator's, unchanged; Backstage's router still serves the
 * contract (`/openapi.json`) and turns validation errors into `InputError`s.
 *
 * @internal
 */
export function createGovernanceApiRouter(): Promise<GovernanceApiRouter> {
  return createOpenApiRouter({
    middleware: [readQueryLists, readQueryNumbers, validateByPath()],
    // Its own validator checks the contract once at start-up and leaves requests to ours.
    validatorOptions: {
      ignorePaths: () => true,
      validateRequests: false,
      validateSecurity: false,
      fileUploader: false,
    },
  });
}

/**
 * One validator a path of the contract, picked by the request's path. A path's validator is
 * made at its first request: making all three dozen at start-up cost seconds of CPU on every
 * backend start (and every test backend), most of it for paths a replica may never serve.
 */
function validateByPath(): express.RequestHandler {
  const paths = spec.paths as Paths;
  const validators = Object.keys(paths)
    .sort(mostSpecificFirst)
    .map(path => {
      let handlers: express.RequestHandler[] | undefined;
      return {
        matches: pathExpression(path),
        handlers: () =>
          (handlers ??= openApiValidator({
            ...VALIDATOR_OPTIONS,
            // Backstage's router checks the whole contract; each part need not be checked again.
            validateApiSpec: false,
            apiSpec: contractOf(path) as unknown as Parameters<
              typeof openApiValidator
            >[0]['apiSpec'],
          }) as express.RequestHandler[]),
      };
    });
  return (req, res, next) => {
    const path = req.url.split('?')[0];
    const validator = validators.find(v => v.matches.test(path));
    if (!validator) {
      next();
      return;
    }
    runInTurn(validator.handlers(), req, res, next);
  };
}

/**
 * The contract with one path, and of its components only those the path refers to: each
 * validator keeps its own copy of what it is given.
 */
function contractOf(path: string) {
  const all = spec.components as unknown as Components;
  const used: Components = { securitySchemes: all.securitySchemes };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key !== '$ref' || typeof value !== 'string') {
        visit(value);
        continue;
      }
      // `#/components/<section>/<name>`
      const [, , section, name] = value.split('/');
      if (used[section]?.[name] === undefined) {
        used[section] = { ...used[section], [name]: all[section][name] };
        visit(all[section][name]);
      }
    }
  };
  const operations = (spec.paths as Paths)[path];
  visit(operations);
  return { ...spec, paths: { [path]: operations }, components: used };
}

function runInTurn(
  handlers: express.RequestHandler[],
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
) {
  let index = 0;
  const step = (error?: unknown) => {
    if (error || index === handlers.length) {
      next(error);
      return;
    }
    handlers[index++](req, res, step);
  };
  step();
}

/**
 * A contract path as Express matches it, with the validator's settings: not case-sensitive,
 * a trailing slash allowed, a `{parameter}` standing for one segment.
 */
function pathExpression(path: string): RegExp {
  const source = path
    .split(/(\{[^}]+\})/)
    .map(part =>
      part.startsWith('{')
        ? '[^/]+?'
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}/?$`, 'i');
}

/** The validator's own order: a static path before a parameter in the same place. */
function mostSpecificFirst(a: string, b: string): number {
  const [left, right] = [a, b].map(p => p.replace(/\/\{/g, '/~'));
  if (left.startsWith(right)) return -1;
  if (right.startsWith(left)) return 1;
  return left > right ? 1 : -1;
}
