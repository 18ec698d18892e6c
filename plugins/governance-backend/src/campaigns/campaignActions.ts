import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseStrictEntityRef } from '../catalog/entityRefs';
import { entityRefInput } from '../catalog/entityRefInput';
import { CampaignService } from './CampaignService';

/**
 * Campaign actions for Backstage's actions registry (served to AI agents by the MCP actions
 * backend): the campaigns with their progress, and the campaigns one entity is in. They run
 * with the caller's credentials, so an entity the caller cannot see is not found.
 *
 * @internal
 */
export function registerCampaignActions(options: {
  actionsRegistry: ActionsRegistryService;
  campaigns: CampaignService;
}): void {
  const { actionsRegistry, campaigns } = options;

  actionsRegistry.register({
    name: 'list-campaigns',
    title: 'List campaigns',
    description:
      "The architecture council's campaigns (checks to get passing on a selection of entities by a deadline), nearest deadline first, with how many entities are done.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          state: z
            .enum(['active', 'closed', 'all'])
            .optional()
            .describe('Which campaigns; active when absent'),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              checks: z.array(z.string()),
              deadline: z.string(),
              state: z.string(),
              done: z.number(),
              notDone: z.number(),
            }),
          ),
        }),
    },
    action: async ({ input }) => ({
      output: {
        items: (await campaigns.list(input.state ?? 'active')).map(c => ({
          id: c.id,
          title: c.title,
          checks: c.checks,
          deadline: c.deadline,
          state: c.state,
          done: c.progress.done,
          notDone: c.progress.notDone,
        })),
      },
    }),
  });

  actionsRegistry.register({
    name: 'get-entity-campaigns',
    title: 'Get entity campaigns',
    description:
      'The campaigns an entity is in, with each deadline and state, and whether the entity is done (every campaign check on its scorecard passes or is waived).',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              deadline: z.string(),
              state: z.string(),
              done: z.boolean(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const items = await campaigns.entityCampaigns(
        parseStrictEntityRef(input.entityRef),
        credentials,
      );
      return {
        output: {
          items: items.map(({ id, title, deadline, state, done }) => ({
            id,
            title,
            deadline,
            state,
            done,
          })),
        },
      };
    },
  });
}
