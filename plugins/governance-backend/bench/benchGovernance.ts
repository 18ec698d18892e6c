/*
 * Issue 19's parts as the scorecard bench runs them, configured as the example app does
 * (app-config.yaml's governance.standards and governance.stack): the article's standards, a
 * radar held in config, the approved-stack check and the standards snapshot.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Knex } from 'knex';
import { readGovernanceConfig } from '../src/config';
import { DatabaseAdrStore } from '../src/database/DatabaseAdrStore';
import { DatabaseStackStore } from '../src/database/DatabaseStackStore';
import { DatabaseStandardsStore } from '../src/database/DatabaseStandardsStore';
import { StackChecks } from '../src/stack/StackChecks';
import { readRadarSource, StackRadar } from '../src/stack/StackRadar';
import { StandardsService } from '../src/standards/StandardsService';
import { RADAR_ENTRIES } from '../src/testUtils';

/** `governance.*` of the bench: the plugin under load reads it, the engine below the same. */
export const BENCH_GOVERNANCE_CONFIG = {
  governance: {
    stack: { radar: { entries: RADAR_ENTRIES.map(e => ({ ...e })) } },
    // The article's table, written out as an adopter would configure it.
    standards: [
      {
        id: 'coding-standards',
        title: 'Coding standards',
        type: 'coding',
        enforcement: ['lint', 'code-review'],
        reviewFrequency: 'per-commit',
        targetAutomation: 90,
        checks: ['lint-*'],
      },
      {
        id: 'testing-requirements',
        title: 'Testing requirements',
        type: 'testing',
        enforcement: 'ci-gate',
        reviewFrequency: 'per-deployment',
        targetAutomation: '70-80',
        checks: ['coverage', 'testing-*'],
      },
      {
        id: 'security-policies',
        title: 'Security policies',
        type: 'security',
        enforcement: ['static-analysis', 'manual-review'],
        reviewFrequency: 'weekly',
        targetAutomation: '60-70',
        checks: ['security-review'],
      },
      {
        id: 'architecture-patterns',
        title: 'Architecture patterns',
        type: 'architecture',
        enforcement: 'design-review',
        reviewFrequency: 'quarterly',
        targetAutomation: '30-40',
        checks: [
          'dependencies-meet-tier',
          'approved-stack',
          'availability',
          'p95-latency',
        ],
      },
    ],
  },
};

const config = new ConfigReader(BENCH_GOVERNANCE_CONFIG);
const settings = readGovernanceConfig(config);

/**
 * The approved-stack check on `db`, as the plugin wires it: the radar from config, stored once
 * (as the plugin does at start-up), entities' technologies recorded in the stack tables and
 * accepted ADRs read for technologies off the radar.
 */
export async function benchStackChecks(db: Knex): Promise<StackChecks> {
  const store = new DatabaseStackStore(db);
  const radar = new StackRadar({
    source: readRadarSource(config),
    urlReader: mockServices.urlReader.mock(),
    store,
    logger: mockServices.logger.mock(),
  });
  await radar.refresh();
  return new StackChecks({
    radar,
    store,
    adrs: new DatabaseAdrStore(db, {
      policy: settings.adrPolicy.retrospective,
    }),
  });
}

/** The standards snapshot job on `db`, with the bench's standards. */
export function benchStandards(db: Knex): StandardsService {
  return new StandardsService({
    store: new DatabaseStandardsStore(db),
    standards: settings.standards,
    logger: mockServices.logger.mock(),
    retentionDays: settings.scorecard.historyRetentionDays,
  });
}
