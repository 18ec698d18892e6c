import { ApiRouter } from '@backstage/backend-openapi-utils';
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
 * Creates the validated router. Bodies are read before it (see `readInput`), so it parses
 * none; every problem of a request is reported, and query parameters the contract does not
 * name are ignored, as they were before there was a contract.
 *
 * @internal
 */
export function createGovernanceApiRouter(): Promise<GovernanceApiRouter> {
  return createOpenApiRouter({
    middleware: [readQueryLists, readQueryNumbers],
    validatorOptions: {
      validateRequests: {
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: true,
      },
    },
  });
}
