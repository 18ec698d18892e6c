import { HumanDuration } from '@backstage/types';
import { durationToMilliseconds } from '@backstage/types';
import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { EscalationSignals } from '../../database/EscalationSignals';
import { signalTrigger } from './signalTrigger';

/**
 * An entity of a watched tier (default `critical`) failing a check for longer than the grace
 * period. The cause is the failing run: if the check recovers and fails again, that is a new
 * cause. Security reviews have their own trigger.
 *
 * @internal
 */
export function failingCheckTrigger(options: {
  signals: EscalationSignals;
  tiers: string[];
  gracePeriod: HumanDuration;
}): GovernanceEscalationTrigger {
  const graceMs = durationToMilliseconds(options.gracePeriod);
  return signalTrigger({
    id: 'failing-check',
    async find(now) {
      const failing = await options.signals.listFailingChecks({
        tiers: options.tiers,
        excludeCheckIds: ['security-review'],
      });
      return failing.filter(
        f => now.getTime() - Date.parse(f.failingSince) >= graceMs,
      );
    },
    escalate: f => ({
      entityRef: f.entityRef,
      kind: 'nfr-escalation',
      priority: f.tier === 'critical' ? 'critical' : 'high',
      title: `${f.result.title} failing on a ${f.tier} service`,
      description:
        `${f.entityRef} (tier ${f.tier}) has failed the check "${f.result.title}" since ` +
        `${f.failingSince}: target ${f.result.target}, actual ${
          f.result.actual ?? 'missing'
        }${f.result.source ? ` (from ${f.result.source})` : ''}.`,
      causeKey: `${f.entityRef}:${f.result.checkId}:${f.failingSince}`,
    }),
  });
}
