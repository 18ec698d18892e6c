import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HumanDuration } from '@backstage/types';
import {
  LevelPolicy,
  TierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { AdrStore } from '../../database/AdrStore';
import { EscalationSignals } from '../../database/EscalationSignals';
import { ReviewStore } from '../../database/ReviewStore';
import { belowRequiredLevelTrigger } from './belowRequiredLevelTrigger';
import { crossTeamDependencyTrigger } from './crossTeamDependencyTrigger';
import { decisionOutsideScopeTrigger } from './decisionOutsideScopeTrigger';
import { expiredWaiverTrigger } from './expiredWaiverTrigger';
import { failingCheckTrigger } from './failingCheckTrigger';
import { retrospectiveOverdueTrigger } from './retrospectiveOverdueTrigger';
import { securityReviewOverdueTrigger } from './securityReviewOverdueTrigger';
import { stackExceptionTrigger } from './stackExceptionTrigger';
import { StackStore } from '../../database/StackStore';
import { tierChangeTrigger } from './tierChangeTrigger';

/**
 * Which built-in escalation triggers are switched on, as read from
 * `governance.reviews.triggers`.
 *
 * @internal
 */
export interface BuiltInTriggerSettings {
  /** Absent when the trigger is switched off. */
  failingCheck?: { tiers: string[]; gracePeriod: HumanDuration };
  securityReviewOverdue: boolean;
  tierChange: boolean;
  retrospectiveOverdue: boolean;
  expiredWaiver: boolean;
  crossTeamDependency: boolean;
  decisionOutsideScope: boolean;
  /** Absent when the trigger is switched off. */
  belowRequiredLevel?: { gracePeriod: HumanDuration };
  stackException: boolean;
  /** What each trigger whose causes can clear does with an item once its cause has. */
  onCauseCleared: Record<ClearingTrigger, 'close' | 'mark'>;
}

/**
 * The built-in triggers that report conditions (which can stop holding) rather than events.
 *
 * @internal
 */
export const CLEARING_TRIGGERS = [
  'failingCheck',
  'securityReviewOverdue',
  'retrospectiveOverdue',
  'decisionOutsideScope',
  'belowRequiredLevel',
  'stackException',
] as const;

/** @internal */
export type ClearingTrigger = (typeof CLEARING_TRIGGERS)[number];

/**
 * The built-in escalation triggers that the settings switch on.
 *
 * @internal
 */
export function builtInTriggers(options: {
  settings: BuiltInTriggerSettings;
  catalog: CatalogService;
  auth: AuthService;
  tierPolicies: TierPolicies;
  signals: EscalationSignals;
  reviewStore: ReviewStore;
  adrStore: AdrStore;
  levelPolicy: LevelPolicy;
  /** The approved stack's entity technologies; absent without a radar. */
  stackStore?: Pick<StackStore, 'listStackExceptions'>;
}): GovernanceEscalationTrigger[] {
  const { settings, signals } = options;
  const { onCauseCleared } = settings;
  const triggers: GovernanceEscalationTrigger[] = [];

  if (settings.failingCheck) {
    triggers.push({
      ...failingCheckTrigger({ signals, ...settings.failingCheck }),
      onCauseCleared: onCauseCleared.failingCheck,
    });
  }
  if (settings.securityReviewOverdue) {
    triggers.push({
      ...securityReviewOverdueTrigger({ signals }),
      onCauseCleared: onCauseCleared.securityReviewOverdue,
    });
  }
  if (settings.tierChange) {
    triggers.push(tierChangeTrigger({ signals }));
  }
  if (settings.retrospectiveOverdue) {
    triggers.push({
      ...retrospectiveOverdueTrigger({ adrStore: options.adrStore }),
      onCauseCleared: onCauseCleared.retrospectiveOverdue,
    });
  }
  if (settings.expiredWaiver) {
    triggers.push(expiredWaiverTrigger({ signals }));
  }
  if (settings.crossTeamDependency) {
    triggers.push(
      crossTeamDependencyTrigger({ ...options, store: options.reviewStore }),
    );
  }
  if (settings.decisionOutsideScope) {
    triggers.push({
      ...decisionOutsideScopeTrigger(options),
      onCauseCleared: onCauseCleared.decisionOutsideScope,
    });
  }
  if (settings.belowRequiredLevel) {
    triggers.push({
      ...belowRequiredLevelTrigger({
        signals,
        levelPolicy: options.levelPolicy,
        ...settings.belowRequiredLevel,
      }),
      onCauseCleared: onCauseCleared.belowRequiredLevel,
    });
  }
  if (settings.stackException && options.stackStore) {
    triggers.push({
      ...stackExceptionTrigger({ store: options.stackStore }),
      onCauseCleared: onCauseCleared.stackException,
    });
  }
  return triggers;
}
