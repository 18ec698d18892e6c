/*
 * Issue 19's parts as the scorecard bench runs them, configured as the example app does
 * (app-config.yaml's governance.standards and governance.stack): the article's standards, a
 * radar held in config, the approved-stack check and the standards snapshot.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DEFAULT_STANDARDS } from '@catalog-governance/backstage-plugin-governance-common';
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
    // The article's table (the defaults), set in config as the example app sets its own, so
    // start-up checks the standards' check ids against the checks that exist.
    standards: DEFAULT_STANDARDS.map(
      ({ targetAutomation: { min, max }, ...standard }) => ({
        ...standard,
        enforcement: [...standard.enforcement],
        checks: [...standard.checks],
        targetAutomation: max === undefined ? min : `${min}-${max}`,
      }),
    ),
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
