import { ConfigReader } from '@backstage/config';
import { readTierPolicies } from '@catalog-governance/backstage-plugin-governance-common';
import {
  readFactRetention,
  readFactWritersGroup,
  readGovernanceConfig,
  readTriggerSettings,
} from './config';

const governance = (values: object) => new ConfigReader({ governance: values });

describe('readGovernanceConfig', () => {
  it('refuses a retention or cap that is not a whole number of at least 1, naming the key', () => {
    const config = (scorecard: object) =>
      new ConfigReader({ governance: { scorecard } });
    expect(readFactRetention(config({}))).toEqual({
      retentionDays: 365,
      maxSourcesPerFact: 10,
    });
    expect(() => readFactRetention(config({ factRetentionDays: 0 }))).toThrow(
      "Invalid config at 'governance.scorecard.factRetentionDays'",
    );
    expect(() => readFactRetention(config({ maxSourcesPerFact: 2.5 }))).toThrow(
      "Invalid config at 'governance.scorecard.maxSourcesPerFact'",
    );
  });

  it('reads the schedules, with their defaults', () => {
    const read = readGovernanceConfig(
      governance({ scorecard: { frequency: { minutes: 3 } } }),
    );
    expect(read.scorecard.schedule).toEqual({
      frequency: { minutes: 3 },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 30 },
    });
    expect(read.adrs.schedule.frequency).toEqual({ minutes: 30 });
    expect(read.tierSync.schedule.frequency).toEqual({ minutes: 5 });
    expect(read.escalations.schedule).toEqual({
      frequency: { minutes: 5 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 45 },
    });
    expect(read.standardsSnapshot.schedule).toEqual({
      frequency: { hours: 1 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 2 },
    });
  });

  it('reads every entity in full daily unless governance.scorecard.fullReadInterval says otherwise', () => {
    expect(
      readGovernanceConfig(governance({})).scorecard.fullReadInterval,
    ).toEqual({ days: 1 });
    expect(
      readGovernanceConfig(
        governance({ scorecard: { fullReadInterval: { hours: 6 } } }),
      ).scorecard.fullReadInterval,
    ).toEqual({ hours: 6 });
  });

  it.each([{ minutes: 15 }, 'PT15M'])(
    'records the standards snapshot every governance.standardsSnapshot.frequency (%j)',
    frequency => {
      const read = readGovernanceConfig(
        governance({ standardsSnapshot: { frequency } }),
      );
      expect(read.standardsSnapshot.schedule.frequency).toEqual({
        minutes: 15,
      });
    },
  );

  it.each([
    [
      { scorecard: { historyRetentionDays: 0.5 } },
      "Invalid config at 'governance.scorecard.historyRetentionDays': 0.5 is not allowed, expected a whole number of days, at least 1",
    ],
    [
      { scorecard: { warnMarginPercent: 60 } },
      "Invalid config at 'governance.scorecard.warnMarginPercent': 60 is out of range, allowed is 0 to 50",
    ],
    [
      { factWriters: { group: 'user:default/jane' } },
      "Invalid config at 'governance.factWriters.group': 'user:default/jane' is not a group ref",
    ],
    [
      { reviews: { triggers: { failingCheck: { tiers: ['gold'] } } } },
      "Invalid config at 'governance.reviews.triggers.failingCheck.tiers': unknown tier gold",
    ],
    [
      { levels: [{ name: 'basic', checks: ['uptime'] }] },
      "Invalid config at 'governance.levels[0].checks': 'uptime' is not a check id",
    ],
    [
      { tiers: { core: { requiredLevel: 'platinum' } } },
      "Invalid config at 'governance.tiers.core.requiredLevel': 'platinum' is not a level, allowed are bronze, silver, gold",
    ],
    [
      { standardsSnapshot: { frequency: 'hourly' } },
      "Invalid duration 'hourly' in config at 'governance.standardsSnapshot.frequency'",
    ],
    [
      { standardsSnapshot: { frequency: { fortnights: 1 } } },
      "Failed to read duration from config at 'governance.standardsSnapshot.frequency'",
    ],
  ])('refuses %j, naming the key', (values, message) => {
    expect(() => readGovernanceConfig(governance(values))).toThrow(message);
  });

  it('lets a level name a custom check, whose id the extension point gives', () => {
    const config = governance({
      levels: [{ name: 'owned', title: 'Owned', checks: ['has-runbook'] }],
      tiers: {
        critical: { requiredLevel: 'owned' },
        core: { requiredLevel: 'owned' },
        supporting: { requiredLevel: false },
      },
    });
    expect(() => readGovernanceConfig(config)).toThrow(
      "Invalid config at 'governance.levels[0].checks': 'has-runbook' is not a check id",
    );
    const { levelPolicy } = readGovernanceConfig(config, {
      customCheckIds: ['has-runbook'],
    });
    expect(levelPolicy.levels).toEqual([
      { name: 'owned', title: 'Owned', checks: ['has-runbook'] },
    ]);
    expect([...levelPolicy.requiredByTier]).toEqual([
      ['critical', 'owned'],
      ['core', 'owned'],
    ]);
  });

  it("reads the standards, the article's four when none are configured, and fails naming a bad one's key", () => {
    const defaults = readGovernanceConfig(governance({}));
    expect(defaults.standardsConfigured).toBe(false);
    expect(defaults.standards.map(s => s.id)).toEqual([
      'coding-standards',
      'testing-requirements',
      'security-policies',
      'architecture-patterns',
    ]);
    const standard = {
      id: 'testing',
      enforcement: 'ci-gate',
      reviewFrequency: 'per-pr',
      targetAutomation: '70-80',
      checks: ['coverage'],
    };
    const configured = readGovernanceConfig(
      governance({ standards: [standard] }),
    );
    expect(configured.standardsConfigured).toBe(true);
    expect(configured.standards).toEqual([
      {
        ...standard,
        title: 'testing',
        type: 'other',
        enforcement: ['ci-gate'],
        targetAutomation: { min: 70, max: 80 },
      },
    ]);
    expect(() =>
      readGovernanceConfig(
        governance({
          standards: [{ ...standard, reviewFrequency: 'fortnightly' }],
        }),
      ),
    ).toThrow(
      "Invalid config at 'governance.standards[0].reviewFrequency': 'fortnightly' is not a review frequency",
    );
  });

  it('reads the fact writers group as a full group ref', () => {
    expect(
      readFactWritersGroup(governance({ factWriters: { group: 'platform' } })),
    ).toBe('group:default/platform');
    expect(readFactWritersGroup(governance({}))).toBeUndefined();
  });

  it('switches every built-in trigger on by default, and a switched-off failing-check trigger reads no tiers', () => {
    const config = governance({});
    const tierPolicies = readTierPolicies(config);
    expect(readTriggerSettings(config, tierPolicies)).toEqual({
      failingCheck: { tiers: ['critical'], gracePeriod: { hours: 24 } },
      securityReviewOverdue: true,
      tierChange: true,
      retrospectiveOverdue: true,
      expiredWaiver: true,
      crossTeamDependency: true,
      decisionOutsideScope: true,
      stackException: true,
      belowRequiredLevel: { gracePeriod: { days: 14 } },
      onCauseCleared: {
        failingCheck: 'close',
        securityReviewOverdue: 'close',
        retrospectiveOverdue: 'close',
        decisionOutsideScope: 'close',
        belowRequiredLevel: 'close',
        stackException: 'close',
      },
    });
    const off = governance({
      reviews: {
        triggers: {
          failingCheck: { enabled: false, tiers: ['gold'] },
          tierChange: { enabled: false },
        },
      },
    });
    expect(readTriggerSettings(off, tierPolicies)).toMatchObject({
      failingCheck: undefined,
      tierChange: false,
    });
  });

  it('reads what a trigger does once its cause clears, and refuses it on a trigger of events', () => {
    const settings = (triggers: object) =>
      readTriggerSettings(
        governance({ reviews: { triggers } }),
        readTierPolicies(governance({})),
      );
    expect(
      settings({ retrospectiveOverdue: { onCauseCleared: 'mark' } })
        .onCauseCleared,
    ).toMatchObject({
      retrospectiveOverdue: 'mark',
      securityReviewOverdue: 'close',
    });
    expect(() =>
      settings({ securityReviewOverdue: { onCauseCleared: 'delete' } }),
    ).toThrow(
      `Invalid config at 'governance.reviews.triggers.securityReviewOverdue.onCauseCleared': 'delete' is not allowed, expected close (resolve the item) or mark`,
    );
    expect(() => settings({ tierChange: { onCauseCleared: 'close' } })).toThrow(
      /'governance\.reviews\.triggers\.tierChange\.onCauseCleared': tierChange raises one item per event, whose cause never clears; onCauseCleared applies to failingCheck, securityReviewOverdue, retrospectiveOverdue, decisionOutsideScope, belowRequiredLevel, stackException/,
    );
  });

  it('reads how many months ahead a waiver may expire, 12 unless configured', () => {
    expect(readGovernanceConfig(governance({})).waiverMaxMonths).toBe(12);
    expect(
      readGovernanceConfig(governance({ waivers: { maxMonths: 6 } }))
        .waiverMaxMonths,
    ).toBe(6);
    expect(() =>
      readGovernanceConfig(governance({ waivers: { maxMonths: 0 } })),
    ).toThrow(
      "Invalid config at 'governance.waivers.maxMonths': 0 is not allowed, expected a whole number of months from 1 to 60",
    );
  });
});
