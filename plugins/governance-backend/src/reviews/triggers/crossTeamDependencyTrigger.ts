import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TierPolicies } from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { readEntitiesByRefs } from '../../catalog/readEntitiesByRefs';
import { readGovernedEntities } from '../../catalog/readGovernedEntities';
import { ReviewStore } from '../../database/ReviewStore';

function ownerOf(entity: Entity): string | undefined {
  return entity.relations?.find(r => r.type === RELATION_OWNED_BY)?.targetRef;
}

/**
 * A new cross-team contract: a governed entity starts depending on (`spec.dependsOn`,
 * `spec.consumesApis`) something another team owns. The first run only records the
 * dependencies that exist, so switching the trigger on raises nothing for the past.
 *
 * @internal
 */
export function crossTeamDependencyTrigger(options: {
  catalog: CatalogService;
  auth: AuthService;
  tierPolicies: TierPolicies;
  store: ReviewStore;
}): GovernanceEscalationTrigger {
  const id = 'cross-team-dependency';
  return {
    id,
    async evaluate({ now }) {
      const { catalog, auth, tierPolicies, store } = options;
      const credentials = await auth.getOwnServiceCredentials();
      const dependencies: {
        sourceRef: string;
        sourceOwner: string;
        targetRef: string;
        relation: string;
      }[] = [];
      for await (const page of readGovernedEntities({
        catalog,
        credentials,
        tierPolicies,
        extraFields: ['relations'],
      })) {
        for (const entity of page) {
          const sourceOwner = ownerOf(entity);
          if (!sourceOwner) {
            continue;
          }
          for (const relation of entity.relations ?? []) {
            if (
              relation.type === RELATION_DEPENDS_ON ||
              relation.type === RELATION_CONSUMES_API
            ) {
              dependencies.push({
                sourceRef: stringifyEntityRef(entity),
                sourceOwner,
                targetRef: relation.targetRef,
                relation: relation.type,
              });
            }
          }
        }
      }

      const targets = await readEntitiesByRefs({
        catalog,
        entityRefs: [...new Set(dependencies.map(d => d.targetRef))],
        credentials,
        extraFields: ['relations'],
      });
      const targetOwner = (ref: string) => {
        const target = targets.get(ref);
        return target ? ownerOf(target) : undefined;
      };
      const crossTeam = dependencies.filter(d => {
        const owner = targetOwner(d.targetRef);
        return owner !== undefined && owner !== d.sourceOwner;
      });

      const firstRun = await store.recordTriggerRun(id, now);
      if (firstRun) {
        await store.recordDependencies(crossTeam, now);
        return [];
      }
      const causeKey = (d: { sourceRef: string; targetRef: string }) =>
        `${d.sourceRef}->${d.targetRef}`;
      const unknown = await store.unknownDependencies(crossTeam);
      const raised = await store.raisedCauseKeys(id, unknown.map(causeKey));
      // A dependency is recorded as seen only once its item exists. One whose escalation failed
      // is escalated again on the next run; the unique cause key keeps a repeat (or a replica
      // running at the same time) from raising a second item.
      await store.recordDependencies(
        unknown.filter(d => raised.has(causeKey(d))),
        now,
      );
      return unknown
        .filter(d => !raised.has(causeKey(d)))
        .map(d => ({
          entityRef: d.sourceRef,
          kind: 'design-review',
          title: `New cross-team dependency on ${d.targetRef}`,
          description: `${d.sourceRef} (owned by ${d.sourceOwner}) now ${
            d.relation === RELATION_CONSUMES_API ? 'consumes' : 'depends on'
          } ${d.targetRef}, owned by ${targetOwner(
            d.targetRef,
          )}: a cross-team contract for the council to review.`,
          causeKey: causeKey(d),
        }));
    },
  };
}
