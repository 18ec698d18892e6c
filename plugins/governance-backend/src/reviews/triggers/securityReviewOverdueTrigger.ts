import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { EscalationSignals } from '../../database/EscalationSignals';
import { signalTrigger } from './signalTrigger';

/**
 * A security review overdue for the entity's tier cadence: the tier's `security-review` check
 * failing, whatever the tier. A new overdue period (after a review was recorded) is a new cause.
 *
 * @internal
 */
export function securityReviewOverdueTrigger(options: {
  signals: EscalationSignals;
}): GovernanceEscalationTrigger {
  return signalTrigger({
    id: 'security-review-overdue',
    find: () =>
      options.signals.listFailingChecks({ checkIds: ['security-review'] }),
    escalate: f => ({
      entityRef: f.entityRef,
      kind: 'nfr-escalation',
      priority: 'high',
      title: 'Security review overdue',
      description:
        `${f.entityRef} (tier ${f.tier}) needs a security review (${f.result.target}); ` +
        `${
          f.result.actual
            ? `it was ${f.result.actual}`
            : 'none was ever recorded'
        }.`,
      causeKey: `${f.entityRef}:${f.failingSince}`,
    }),
  });
}
