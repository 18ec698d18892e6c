import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { EscalationSignals } from '../../database/EscalationSignals';
import { lookBackFrom, signalTrigger } from './signalTrigger';

// Older changes are history, not news: switching the trigger on does not flood the queue.
const LOOK_BACK = { days: 30 };

/**
 * A tier change seen in the catalog, from one tier to another: the council confirms the new
 * tier and the NFRs it demands. Each change is its own cause.
 *
 * @internal
 */
export function tierChangeTrigger(options: {
  signals: EscalationSignals;
}): GovernanceEscalationTrigger {
  return signalTrigger({
    id: 'tier-change',
    find: now => options.signals.listTierChanges(lookBackFrom(now, LOOK_BACK)),
    escalate: change => ({
      entityRef: change.entityRef,
      kind: 'tier-change',
      title: `Tier changed from ${change.fromTier} to ${change.toTier}`,
      description:
        `${change.entityRef} moved from tier ${change.fromTier} to ${change.toTier} on ` +
        `${change.observedAt.slice(
          0,
          10,
        )}. Confirm the new tier and the NFRs it demands.`,
      causeKey: change.id,
    }),
  });
}
