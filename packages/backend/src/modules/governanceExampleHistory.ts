import { Config } from '@backstage/config';
import {
  readTierPolicies,
  tierChecks,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { createExampleDataModule } from './createExampleDataModule';

/** The entity whose accepted ADR gets measured history: checkout-web's ADR 0002. */
export const EXAMPLE_HISTORY_ENTITY = 'component:default/checkout-web';

/**
 * What monitoring and CI measured for checkout-web each week around its ADR 0002, "Render the
 * checkout on the server" (accepted 2026-06-10): p95 latency halves once the server renders
 * the page, availability and coverage creep up. The tier is critical, so most values still fail.
 */
export const EXAMPLE_MEASUREMENTS: ReadonlyArray<{
  observedAt: string;
  facts: { p95LatencyMs: number; availability: number; coverage: number };
}> = [
  {
    observedAt: '2026-04-29T08:00:00Z',
    facts: { p95LatencyMs: 940, availability: 99.9, coverage: 65 },
  },
  {
    observedAt: '2026-05-06T08:00:00Z',
    facts: { p95LatencyMs: 910, availability: 99.91, coverage: 65.5 },
  },
  {
    observedAt: '2026-05-13T08:00:00Z',
    facts: { p95LatencyMs: 920, availability: 99.89, coverage: 66 },
  },
  {
    observedAt: '2026-05-20T08:00:00Z',
    facts: { p95LatencyMs: 880, availability: 99.9, coverage: 66.5 },
  },
  {
    observedAt: '2026-05-27T08:00:00Z',
    facts: { p95LatencyMs: 905, availability: 99.93, coverage: 67 },
  },
  {
    observedAt: '2026-06-03T08:00:00Z',
    facts: { p95LatencyMs: 870, availability: 99.92, coverage: 67.2 },
  },
  {
    observedAt: '2026-06-17T08:00:00Z',
    facts: { p95LatencyMs: 610, availability: 99.94, coverage: 68 },
  },
  {
    observedAt: '2026-06-24T08:00:00Z',
    facts: { p95LatencyMs: 520, availability: 99.96, coverage: 69.5 },
  },
  {
    observedAt: '2026-07-01T08:00:00Z',
    facts: { p95LatencyMs: 470, availability: 99.95, coverage: 70 },
  },
  {
    observedAt: '2026-07-08T08:00:00Z',
    facts: { p95LatencyMs: 455, availability: 99.97, coverage: 70.5 },
  },
  {
    observedAt: '2026-07-15T08:00:00Z',
    facts: { p95LatencyMs: 460, availability: 99.96, coverage: 71 },
  },
  {
    observedAt: '2026-07-22T08:00:00Z',
    facts: { p95LatencyMs: 450, availability: 99.97, coverage: 71 },
  },
];

/** A row of the governance backend's scorecard history: the checks one evaluation changed. */
export interface ExampleHistoryRow {
  entity_ref: string;
  changes: string;
  changed_at: Date;
}

/**
 * The history rows the scorecard engine would have written had it evaluated checkout-web at
 * each measurement: the tier's own checks (so targets, margins and wording follow config), and a
 * row only for the checks whose state or value changed.
 */
export function exampleHistoryRows(config: Config): ExampleHistoryRow[] {
  const policy = readTierPolicies(config).get('critical');
  if (!policy) {
    return [];
  }
  const checks = tierChecks(policy, {
    // The backend's default margin, when app-config leaves it out.
    warnMarginPercent:
      config.getOptionalNumber('governance.scorecard.warnMarginPercent') ?? 5,
  }).filter(check =>
    ['p95LatencyMs', 'availability', 'coverage'].includes(check.factName),
  );
  const previous = new Map<string, string>();
  return EXAMPLE_MEASUREMENTS.flatMap(({ observedAt, facts }) => {
    const now = new Date(observedAt);
    const changes = checks.flatMap(check => {
      const { state, actual } = check.evaluate(
        facts[check.factName as keyof typeof facts],
        { now },
      );
      const key = `${state} ${actual}`;
      if (previous.get(check.id) === key) {
        return [];
      }
      previous.set(check.id, key);
      return [{ checkId: check.id, state, actual }];
    });
    return changes.length
      ? [
          {
            entity_ref: EXAMPLE_HISTORY_ENTITY,
            changes: JSON.stringify(changes),
            changed_at: now,
          },
        ]
      : [];
  });
}

/**
 * Writes the rows unless the entity already has history from that time, so a restart (or a
 * database that lived through those weeks) is left as it is. Returns whether it wrote.
 */
export async function seedExampleHistory(
  db: Knex,
  rows: ExampleHistoryRow[],
): Promise<boolean> {
  const last = rows.at(-1);
  if (!last) {
    return false;
  }
  return db.transaction(async tx => {
    const existing = await tx('scorecard_history')
      .where('entity_ref', last.entity_ref)
      .andWhere('changed_at', '<=', last.changed_at)
      .first('id');
    if (existing) {
      return false;
    }
    await tx('scorecard_history').insert(rows);
    return true;
  });
}

/**
 * Example data for a fresh install: measured history around one accepted ADR, so the ADR's
 * decision impact and the entity's trend show real numbers before any pipeline has pushed a
 * fact. The governance backend records history only as it evaluates, at the time it evaluates,
 * so past weeks cannot come through the facts API; this module writes them into the plugin's
 * own history table once, after the plugin has run its migrations. Leave it out of a real
 * backend.
 */
export const governanceExampleHistory = createExampleDataModule({
  moduleId: 'example-history',
  seed: async (db, config) => {
    const rows = exampleHistoryRows(config);
    return (await seedExampleHistory(db, rows))
      ? `${rows.length} weeks of measured history for ${EXAMPLE_HISTORY_ENTITY}`
      : undefined;
  },
});
