import { AdrSummary } from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { AdrStore } from '../../database/AdrStore';
import { signalTrigger } from './signalTrigger';

const PAGE_SIZE = 200;

/**
 * An accepted ADR whose retrospective is overdue and not recorded. One item per ADR.
 *
 * @internal
 */
export function retrospectiveOverdueTrigger(options: {
  adrStore: AdrStore;
}): GovernanceEscalationTrigger {
  return signalTrigger({
    id: 'retrospective-overdue',
    async find(now) {
      const overdue: AdrSummary[] = [];
      for (let offset = 0; ; offset += PAGE_SIZE) {
        const page = await options.adrStore.queryIndex(
          { retrospective: ['overdue'], offset, limit: PAGE_SIZE },
          now,
        );
        overdue.push(...page.items);
        if (offset + PAGE_SIZE >= page.totalItems) {
          return overdue;
        }
      }
    },
    escalate: adr => ({
      entityRef: adr.entityRef,
      kind: 'retrospective',
      title: `Retrospective overdue: ${adr.title}`,
      description: `The ADR "${adr.title}" (${adr.path}) was accepted${
        adr.date ? ` on ${adr.date}` : ''
      } and its retrospective is overdue. Review whether the decision held up.`,
      causeKey: adr.id,
    }),
  });
}
