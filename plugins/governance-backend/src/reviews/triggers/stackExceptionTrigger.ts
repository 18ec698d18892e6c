import { stackCategoryLabel } from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { StackStore } from '../../database/StackStore';
import { signalTrigger } from './signalTrigger';

/**
 * An entity using a technology that is not on the radar, and that no accepted ADR of the
 * entity names: a stack exception for the council to decide, once per entity and technology.
 * The cause clears when the radar takes the technology in, the entity stops using it, or an
 * ADR accepting it (the decision's ADR) is ingested.
 *
 * @internal
 */
export function stackExceptionTrigger(options: {
  store: Pick<StackStore, 'listStackExceptions'>;
}): GovernanceEscalationTrigger {
  return signalTrigger({
    id: 'stack-exception',
    find: () => options.store.listStackExceptions(),
    escalate: e => ({
      entityRef: e.entityRef,
      kind: 'stack-exception',
      priority: 'medium',
      title: `Stack exception: ${e.technology}`,
      description:
        `${e.entityRef} uses the ${stackCategoryLabel(e.category)} ${
          e.technology
        }, which is not on the approved-stack radar. ` +
        `Approve it with an ADR that names ${e.technology} (the approved-stack check accepts ` +
        `technologies an accepted ADR of the entity names), add it to the radar, or ask the ` +
        `team to move off it.`,
      causeKey: `${e.entityRef}:stack-exception:${e.technology}`,
    }),
  });
}
