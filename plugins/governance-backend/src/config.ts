import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import {
  AdrPolicy,
  AllowedDependencyTiers,
  FactDefinitions,
  LevelPolicy,
  readAdrPolicy,
  readAllowedDependencyTiers,
  readCouncilGroup,
  readFactDefinitions,
  readLevelPolicy,
  readReviewKinds,
  readStandards,
  readTradeOffCriteria,
  TradeOffCriterion,
  readTierPolicies,
  readValidationMode,
  readWaiverMaxMonths,
  ReviewKind,
  Standard,
  TierPolicies,
  ValidationMode,
} from '@catalog-governance/backstage-plugin-governance-common';
import { FactRetentionPolicy } from './facts/FactRetention';
import {
  BuiltInTriggerSettings,
  CLEARING_TRIGGERS,
  ClearingTrigger,
} from './reviews/triggers/builtInTriggers';

const TRIGGERS = 'governance.reviews.triggers';

/**
 * Everything the plugin reads from `governance.*`, checked at start-up.
 *
 * @internal
 */
export interface GovernanceConfig {
  tierPolicies: TierPolicies;
  /** `governance.levels` and each tier's `requiredLevel`. */
  levelPolicy: LevelPolicy;
  validationMode: ValidationMode;
  factDefinitions: FactDefinitions;
  factRetention: FactRetentionPolicy;
  /** The group whose direct members may push facts as themselves; no user may without it. */
  factWritersGroup?: string;
  adrPolicy: AdrPolicy;
  /** `governance.impact.windowDays`: days on either side of an ADR its impact compares. */
  impactWindowDays: number;
  reviewKinds: ReviewKind[];
  /** `governance.reviews.tradeOffCriteria`: what a new trade-off matrix starts with. */
  tradeOffCriteria: TradeOffCriterion[];
  councilGroup?: string;
  /** How many months ahead a waiver may expire. */
  waiverMaxMonths: number;
  /** Per tier, the tiers its entities may depend on (`dependencies-meet-tier`). */
  allowedDependencyTiers: AllowedDependencyTiers;
  /** `governance.standards`: the article's four standards when absent. */
  standards: Standard[];
  /** Whether `governance.standards` is set, so its check ids are checked against the checks. */
  standardsConfigured: boolean;
  /** When the standards' daily snapshot is recorded (`governance.standardsSnapshot`). */
  standardsSnapshot: { schedule: SchedulerServiceTaskScheduleDefinition };
  scorecard: {
    warnMarginPercent: number;
    historyRetentionDays: number;
    schedule: SchedulerServiceTaskScheduleDefinition;
    /** How long passes may read only what changed before one reads everything again. */
    fullReadInterval: HumanDuration;
  };
  adrs: { schedule: SchedulerServiceTaskScheduleDefinition };
  tierSync: { schedule: SchedulerServiceTaskScheduleDefinition };
  campaigns: { schedule: SchedulerServiceTaskScheduleDefinition };
  escalations: {
    triggers: BuiltInTriggerSettings;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
}

/**
 * Reads and checks the plugin's config. Throws naming the offending key, so a bad config fails
 * start-up.
 *
 * @internal
 */
export function readGovernanceConfig(
  config: Config,
  options: { customCheckIds?: Iterable<string> } = {},
): GovernanceConfig {
  const tierPolicies = readTierPolicies(config);
  return {
    tierPolicies,
    // Custom checks may be named in a level, so their ids come from the extension point.
    levelPolicy: readLevelPolicy(config, { tierPolicies, ...options }),
    validationMode: readValidationMode(config),
    factDefinitions: readFactDefinitions(config),
    factRetention: readFactRetention(config),
    factWritersGroup: readFactWritersGroup(config),
    adrPolicy: readAdrPolicy(config),
    impactWindowDays: readWholeNumber(
      config,
      'governance.impact.windowDays',
      30,
      'a whole number of days, at least 1',
    ),
    reviewKinds: readReviewKinds(config),
    tradeOffCriteria: readTradeOffCriteria(config),
    councilGroup: readCouncilGroup(config),
    waiverMaxMonths: readWaiverMaxMonths(config),
    allowedDependencyTiers: readAllowedDependencyTiers(config, tierPolicies),
    standards: readStandards(config),
    standardsConfigured: config.has('governance.standards'),
    standardsSnapshot: {
      // Hourly, after the first evaluation; the day's last snapshot is the one kept.
      schedule: {
        frequency: readDuration(
          config,
          'governance.standardsSnapshot.frequency',
          { hours: 1 },
        ),
        timeout: { minutes: 10 },
        initialDelay: { minutes: 2 },
      },
    },
    scorecard: {
      warnMarginPercent: readWarnMargin(config),
      historyRetentionDays: readWholeNumber(
        config,
        'governance.scorecard.historyRetentionDays',
        365,
        'a whole number of days, at least 1',
      ),
      schedule: {
        frequency: readDuration(config, 'governance.scorecard.frequency', {
          minutes: 10,
        }),
        // After this long a replica that died mid-run (or hangs) loses the task, and another
        // replica runs it on the next tick.
        timeout: readDuration(config, 'governance.scorecard.timeout', {
          minutes: 15,
        }),
        initialDelay: readDuration(
          config,
          'governance.scorecard.initialDelay',
          {
            seconds: 30,
          },
        ),
      },
      fullReadInterval: readDuration(
        config,
        'governance.scorecard.fullReadInterval',
        { days: 1 },
      ),
    },
    adrs: {
      schedule: pacedSchedule(
        config,
        'governance.adrs.frequency',
        { minutes: 30 },
        { seconds: 20 },
      ),
    },
    tierSync: {
      schedule: pacedSchedule(
        config,
        'governance.tierSync.frequency',
        { minutes: 5 },
        { seconds: 15 },
      ),
    },
    campaigns: {
      // A day's progress is the day's last run; hourly keeps the burn-up and reminders current.
      schedule: pacedSchedule(
        config,
        'governance.campaigns.frequency',
        { hours: 1 },
        { minutes: 1 },
      ),
    },
    escalations: {
      triggers: readTriggerSettings(config, tierPolicies),
      schedule: {
        frequency: readDuration(config, `${TRIGGERS}.frequency`, {
          minutes: 5,
        }),
        timeout: { minutes: 10 },
        initialDelay: readDuration(config, `${TRIGGERS}.initialDelay`, {
          seconds: 45,
        }),
      },
    },
  };
}

/**
 * Reads `governance.scorecard.factRetentionDays` (default 365) and
 * `governance.scorecard.maxSourcesPerFact` (default 10).
 *
 * @internal
 */
export function readFactRetention(config: Config): FactRetentionPolicy {
  return {
    retentionDays: readWholeNumber(
      config,
      'governance.scorecard.factRetentionDays',
      365,
    ),
    maxSourcesPerFact: readWholeNumber(
      config,
      'governance.scorecard.maxSourcesPerFact',
      10,
    ),
  };
}

const FACT_WRITERS_GROUP = 'governance.factWriters.group';

/**
 * Reads `governance.factWriters.group` as a full group ref.
 *
 * @internal
 */
export function readFactWritersGroup(config: Config): string | undefined {
  const value = config.getOptionalString(FACT_WRITERS_GROUP);
  if (value === undefined) {
    return undefined;
  }
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    ref = undefined;
  }
  if (ref?.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new Error(
      `Invalid config at '${FACT_WRITERS_GROUP}': '${value}' is not a group ref such as group:default/platform`,
    );
  }
  return stringifyEntityRef(ref);
}

/**
 * Reads which built-in escalation triggers are switched on (all are by default) and the
 * failing-check trigger's tiers and grace period.
 *
 * @internal
 */
export function readTriggerSettings(
  config: Config,
  tierPolicies: TierPolicies,
): BuiltInTriggerSettings {
  const enabled = (name: string) =>
    config.getOptionalBoolean(`${TRIGGERS}.${name}.enabled`) ?? true;
  return {
    failingCheck: enabled('failingCheck')
      ? readFailingCheckSettings(config, tierPolicies)
      : undefined,
    securityReviewOverdue: enabled('securityReviewOverdue'),
    tierChange: enabled('tierChange'),
    retrospectiveOverdue: enabled('retrospectiveOverdue'),
    expiredWaiver: enabled('expiredWaiver'),
    crossTeamDependency: enabled('crossTeamDependency'),
    decisionOutsideScope: enabled('decisionOutsideScope'),
    stackException: enabled('stackException'),
    belowRequiredLevel: enabled('belowRequiredLevel')
      ? {
          gracePeriod: readDuration(
            config,
            `${TRIGGERS}.belowRequiredLevel.gracePeriod`,
            { days: 14 },
          ),
        }
      : undefined,
    onCauseCleared: readOnCauseCleared(config),
  };
}

const EVENT_TRIGGERS = ['tierChange', 'expiredWaiver', 'crossTeamDependency'];

/**
 * Reads `governance.reviews.triggers.<trigger>.onCauseCleared` (`close`, the default, or
 * `mark`) for the triggers whose causes can clear; the event triggers refuse the key.
 */
function readOnCauseCleared(
  config: Config,
): BuiltInTriggerSettings['onCauseCleared'] {
  for (const name of EVENT_TRIGGERS) {
    const key = `${TRIGGERS}.${name}.onCauseCleared`;
    if (config.has(key)) {
      throw new Error(
        `Invalid config at '${key}': ${name} raises one item per event, whose cause never clears; onCauseCleared applies to ${CLEARING_TRIGGERS.join(
          ', ',
        )}`,
      );
    }
  }
  const read = (name: ClearingTrigger) => {
    const key = `${TRIGGERS}.${name}.onCauseCleared`;
    const value = config.getOptionalString(key) ?? 'close';
    if (value !== 'close' && value !== 'mark') {
      throw new Error(
        `Invalid config at '${key}': '${value}' is not allowed, expected close (resolve the item) or mark (leave it marked "cause cleared" for the council to close)`,
      );
    }
    return value;
  };
  return Object.fromEntries(
    CLEARING_TRIGGERS.map(name => [name, read(name)]),
  ) as BuiltInTriggerSettings['onCauseCleared'];
}

function readFailingCheckSettings(
  config: Config,
  tierPolicies: TierPolicies,
): NonNullable<BuiltInTriggerSettings['failingCheck']> {
  const tiersKey = `${TRIGGERS}.failingCheck.tiers`;
  const tiers = config.getOptionalStringArray(tiersKey) ?? ['critical'];
  const unknown = tiers.filter(t => !tierPolicies.has(t));
  if (unknown.length) {
    throw new Error(
      `Invalid config at '${tiersKey}': unknown tier ${unknown.join(
        ', ',
      )}; the tiers are ${[...tierPolicies.keys()].join(', ')}`,
    );
  }
  return {
    tiers,
    gracePeriod: readDuration(config, `${TRIGGERS}.failingCheck.gracePeriod`, {
      hours: 24,
    }),
  };
}

function readDuration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

/**
 * A task whose frequency is configurable at `key`: a run may take as long as the default
 * interval, so a replica that died mid-run hands the task on by the next default tick.
 */
function pacedSchedule(
  config: Config,
  key: string,
  every: HumanDuration,
  initialDelay: HumanDuration,
): SchedulerServiceTaskScheduleDefinition {
  return {
    frequency: readDuration(config, key, every),
    timeout: every,
    initialDelay,
  };
}

function readWarnMargin(config: Config): number {
  const key = 'governance.scorecard.warnMarginPercent';
  const margin = config.getOptionalNumber(key) ?? 5;
  if (!(margin >= 0 && margin <= 50)) {
    throw new Error(
      `Invalid config at '${key}': ${margin} is out of range, allowed is 0 to 50`,
    );
  }
  return margin;
}

function readWholeNumber(
  config: Config,
  key: string,
  fallback: number,
  expected = 'a whole number, at least 1',
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new Error(
      `Invalid config at '${key}': ${value} is not allowed, expected ${expected}`,
    );
  }
  return value;
}
