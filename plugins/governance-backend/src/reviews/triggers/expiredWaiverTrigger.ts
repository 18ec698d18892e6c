import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { EscalationSignals } from '../../database/EscalationSignals';
import { lookBackFrom, signalTrigger } from './signalTrigger';

// Waivers that expired long ago were already seen (or the trigger was off then).
const LOOK_BACK = { days: 30 };

/**
 * A waiver that expired while its check is failing: the exception ran out and nothing was
 * fixed. One item per waiver.
 *
 * @internal
 */
export function expiredWaiverTrigger(options: {
  signals: EscalationSignals;
}): GovernanceEscalationTrigger {
  return signalTrigger({
    id: 'expired-waiver',
    find: now =>
      options.signals.listExpiredWaiversOnFailingChecks(
        lookBackFrom(now, LOOK_BACK),
        now,
      ),
    escalate: waiver => ({
      entityRef: waiver.entityRef,
      kind: 'nfr-escalation',
      priority: 'high',
      title: `Waiver expired on failing check ${waiver.checkId}`,
      description:
        `The waiver on ${waiver.checkId} ("${waiver.reason}") expired on ` +
        `${waiver.expiresAt.slice(0, 10)} and the check still fails.`,
      causeKey: waiver.waiverId,
    }),
  });
}
