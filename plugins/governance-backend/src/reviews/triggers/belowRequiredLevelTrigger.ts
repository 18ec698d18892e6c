import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { LevelPolicy } from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { EscalationSignals } from '../../database/EscalationSignals';
import { signalTrigger } from './signalTrigger';

/**
 * An entity below the maturity level its tier requires for longer than the grace period
 * (default 14 days: levels move with facts that take a while to gather). The cause is the
 * stretch below: climbing back and dropping again is a new cause, so one item per entity and
 * stretch.
 *
 * @internal
 */
export function belowRequiredLevelTrigger(options: {
  signals: EscalationSignals;
  levelPolicy: LevelPolicy;
  gracePeriod: HumanDuration;
}): GovernanceEscalationTrigger {
  const graceMs = durationToMilliseconds(options.gracePeriod);
  const titleOf = (name: string | null | undefined) =>
    options.levelPolicy.levels.find(l => l.name === name)?.title ?? 'no level';
  return signalTrigger({
    id: 'below-required-level',
    async find(now) {
      const below = await options.signals.listBelowRequiredLevel();
      return below.filter(
        b => now.getTime() - Date.parse(b.belowSince) >= graceMs,
      );
    },
    escalate: b => {
      const required = titleOf(options.levelPolicy.requiredByTier.get(b.tier));
      return {
        entityRef: b.entityRef,
        kind: 'nfr-escalation',
        priority: b.tier === 'critical' ? 'critical' : 'high',
        title: `Below ${required} on a ${b.tier} service`,
        description:
          `${b.entityRef} (tier ${b.tier}) has been at ${titleOf(
            b.level,
          )} since ` +
          `${b.belowSince}; its tier requires ${required}. The Governance tab names the ` +
          `checks that stand in the way.`,
        causeKey: `${b.entityRef}:below-required-level:${b.belowSince}`,
      };
    },
  });
}
