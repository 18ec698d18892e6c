import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AdrChainLink,
  AdrSummary,
} from '@catalog-governance/backstage-plugin-governance-common';
import { parseStrictEntityRef } from '../catalog/entityRefs';
import {
  ActionZod,
  entityRefObject,
  READ_ONLY_ACTION,
} from '../catalog/entityRefInput';
import { CatalogVisibility } from '../catalog/CatalogVisibility';
import { specRef } from '../catalog/specRef';
import { AdrStore } from '../database/AdrStore';

/** Hops followed forward from an ADR; a longer chain is cut with `end: 'too-long'`. */
const MAX_HOPS = 20;

const decision = (z: ActionZod) =>
  z.object({
    adrId: z.string(),
    entityRef: z.string(),
    number: z.number().optional(),
    title: z.string(),
    status: z.string().optional(),
    date: z.string().optional().describe('YYYY-MM-DD'),
  });

function describe(adr: AdrSummary | AdrChainLink) {
  const id = 'id' in adr ? adr.id : adr.adrId!;
  return {
    adrId: id,
    entityRef: adr.entityRef!,
    number: adr.number,
    title: adr.title!,
    status: adr.status,
    date: adr.date,
  };
}

function entityRefOf(value: string): string {
  try {
    return parseStrictEntityRef(value);
  } catch (error) {
    throw new InputError(
      `entityRef is not an entity ref such as component:default/payments: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * The decision graph for Backstage's actions registry (served to AI agents by the MCP actions
 * backend): which decisions govern an entity, and what superseded a decision. They run with
 * the caller's credentials: an entity or ADR the caller may not read in the catalog is not
 * found, and the ADRs of entities hidden from them are never named.
 *
 * @internal
 */
export function registerAdrActions(options: {
  actionsRegistry: ActionsRegistryService;
  catalog: CatalogService;
  permissions: PermissionsService;
  adrStore: AdrStore;
}): void {
  const { actionsRegistry, catalog, adrStore } = options;
  const visibility = new CatalogVisibility(options);

  async function readable(
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    return catalog.getEntityByRef(entityRef, { credentials });
  }

  actionsRegistry.register({
    name: 'list-governing-decisions',
    title: 'List the decisions that govern an entity',
    description:
      "The accepted ADRs that govern an entity: its own, its system's and its system's domain's (those the caller may read), each with its number, title, status and date.",
    attributes: READ_ONLY_ACTION,
    schema: {
      input: entityRefObject,
      output: z =>
        z.object({
          entityRef: z.string(),
          decisions: z.array(
            decision(z).extend({
              via: z
                .enum(['entity', 'system', 'domain'])
                .describe('Whose ADR it is'),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = entityRefOf(input.entityRef);
      const entity = await readable(entityRef, credentials);
      if (!entity) {
        throw new NotFoundError(
          `No entity ${entityRef} in the catalog, or you may not read it`,
        );
      }
      const scopes: { via: 'entity' | 'system' | 'domain'; ref: string }[] = [
        { via: 'entity', ref: entityRef },
      ];
      const systemRef = specRef(entity, 'system', 'system');
      const system = systemRef && (await readable(systemRef, credentials));
      if (system) {
        scopes.push({ via: 'system', ref: systemRef });
        const domainRef = specRef(system, 'domain', 'domain');
        if (domainRef && (await readable(domainRef, credentials))) {
          scopes.push({ via: 'domain', ref: domainRef });
        }
      }
      const now = new Date();
      const decisions = [];
      for (const { via, ref } of scopes) {
        for (const adr of await adrStore.listEntityAdrs(ref, now)) {
          if (adr.status === 'accepted') {
            decisions.push({ ...describe(adr), via });
          }
        }
      }
      return { output: { entityRef, decisions } };
    },
  });

  actionsRegistry.register({
    name: 'get-adr-successors',
    title: 'What superseded an ADR',
    description:
      'Follows an ADR\'s "superseded by" links forward to the decision in force: each successor with its number, title, status and date, and why the chain ends (current: the last one is not superseded; not-found: it names a successor that is not stored; cycle; too-long).',
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          adrId: z
            .string()
            .max(64)
            .optional()
            .describe('The ADR id, as the governance API lists it'),
          entityRef: z
            .string()
            .max(255)
            .optional()
            .describe('With number: the entity whose ADR it is'),
          number: z.number().int().min(0).max(999_999_999).optional(),
        }),
      output: z =>
        z.object({
          adr: decision(z),
          successors: decision(z).array(),
          end: z.enum(['current', 'not-found', 'cycle', 'too-long']),
          missing: z
            .string()
            .optional()
            .describe('The successor named but not found, as written'),
        }),
    },
    action: async ({ input, credentials }) => {
      const now = new Date();
      let start: AdrSummary | undefined;
      if (input.adrId) {
        start = await adrStore.getAdr(input.adrId, now);
      } else if (input.entityRef && input.number !== undefined) {
        const entityRef = entityRefOf(input.entityRef);
        start = (await adrStore.listEntityAdrs(entityRef, now)).find(
          adr => adr.number === input.number,
        );
      } else {
        throw new InputError(
          'Name the ADR by adrId, or by entityRef and number',
        );
      }
      if (!start || !(await readable(start.entityRef, credentials))) {
        throw new NotFoundError(
          'No such ADR, or you may not read its entity in the catalog',
        );
      }
      const hidden = await visibility.hiddenFrom(credentials, () =>
        adrStore.listAdrEntityRefs(),
      );
      const successors: ReturnType<typeof describe>[] = [];
      const visited = new Set([start.id]);
      let current = start.id;
      for (;;) {
        const next = (await adrStore.chainOf(current, hidden)).filter(
          link => link.relation === 'superseded-by',
        );
        const found = next.find(link => link.adrId);
        if (!found) {
          const missing = next[0]?.target;
          return {
            output: {
              adr: describe(start),
              successors,
              end: missing ? ('not-found' as const) : ('current' as const),
              ...(missing && { missing }),
            },
          };
        }
        if (visited.has(found.adrId!) || successors.length >= MAX_HOPS) {
          return {
            output: {
              adr: describe(start),
              successors,
              end: visited.has(found.adrId!)
                ? ('cycle' as const)
                : ('too-long' as const),
            },
          };
        }
        visited.add(found.adrId!);
        successors.push(describe(found));
        current = found.adrId!;
      }
    },
  });
}
