import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';

/** The zod that the actions registry hands to a schema. */
export type ActionZod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

/**
 * An entity ref as an MCP action's input, with the limit of the HTTP API's `EntityRef`
 * (255 characters), so an action takes no more than the route it stands beside.
 */
export const entityRefInput = (z: ActionZod) =>
  z
    .string()
    .min(1)
    .max(255)
    .describe('Full entity ref, e.g. component:default/payments');

/** What an action that only reads declares: it changes nothing, so it may be retried. */
export const READ_ONLY_ACTION = {
  readOnly: true,
  idempotent: true,
  destructive: false,
} as const;

/** The input of an action about one entity: its ref, as {@link entityRefInput}. */
export const entityRefObject = (z: ActionZod) =>
  z.object({ entityRef: entityRefInput(z) });
