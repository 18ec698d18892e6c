import { AuthService } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TierPolicies } from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { DatabaseAdrStore } from '../../database/DatabaseAdrStore';
import { DatabaseReviewStore } from '../../database/DatabaseReviewStore';
import { EscalationSignals } from '../../database/EscalationSignals';
import { crossTeamDependencyTrigger } from './crossTeamDependencyTrigger';
import { decisionOutsideScopeTrigger } from './decisionOutsideScopeTrigger';
import { expiredWaiverTrigger } from './expiredWaiverTrigger';
import { failingCheckTrigger } from './failingCheckTrigger';
import { retrospectiveOverdueTrigger } from './retrospectiveOverdueTrigger';
import { securityReviewOverdueTrigger } from './securityReviewOverdueTrigger';
import { tierChangeTrigger } from './tierChangeTrigger';

const KEY = 'governance.reviews.triggers';

/**
 * The built-in escalation triggers switched on in `governance.reviews.triggers` (all are on
 * by default). Throws naming the key on a bad value, so a wrong config fails start-up.
 *
 * @internal
 */
export function builtInTriggers(options: {
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
  tierPolicies: TierPolicies;
  signals: EscalationSignals;
  reviewStore: DatabaseReviewStore;
  adrStore: DatabaseAdrStore;
}): GovernanceEscalationTrigger[] {
  const { config, signals, tierPolicies } = options;
  const enabled = (name: string) =>
    config.getOptionalBoolean(`${KEY}.${name}.enabled`) ?? true;
  const triggers: GovernanceEscalationTrigger[] = [];

  if (enabled('failingCheck')) {
    const tiersKey = `${KEY}.failingCheck.tiers`;
    const tiers = config.getOptionalStringArray(tiersKey) ?? ['critical'];
    const unknown = tiers.filter(t => !tierPolicies.has(t));
    if (unknown.length) {
      throw new Error(
        `Invalid config at '${tiersKey}': unknown tier ${unknown.join(
          ', ',
        )}; the tiers are ${[...tierPolicies.keys()].join(', ')}`,
      );
    }
    const graceKey = `${KEY}.failingCheck.gracePeriod`;
    triggers.push(
      failingCheckTrigger({
        signals,
        tiers,
        gracePeriod: config.has(graceKey)
          ? readDurationFromConfig(config, { key: graceKey })
          : { hours: 24 },
      }),
    );
  }
  if (enabled('securityReviewOverdue')) {
    triggers.push(securityReviewOverdueTrigger({ signals }));
  }
  if (enabled('tierChange')) {
    triggers.push(tierChangeTrigger({ signals }));
  }
  if (enabled('retrospectiveOverdue')) {
    triggers.push(retrospectiveOverdueTrigger({ adrStore: options.adrStore }));
  }
  if (enabled('expiredWaiver')) {
    triggers.push(expiredWaiverTrigger({ signals }));
  }
  if (enabled('crossTeamDependency')) {
    triggers.push(
      crossTeamDependencyTrigger({ ...options, store: options.reviewStore }),
    );
  }
  if (enabled('decisionOutsideScope')) {
    triggers.push(decisionOutsideScopeTrigger(options));
  }
  return triggers;
}
