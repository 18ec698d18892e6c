import { createHash, Hash } from 'node:crypto';
import { Duration } from 'luxon';
import {
  declaredFacts,
  FactDefinitions,
  FactObservation,
  FactValue,
  GovernanceAnnotationValues,
  pickObservation,
  ScorecardCheck,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';
import { canonical } from '../canonical';
import { isBuiltInCheck } from './builtInChecks';
import { DependencyCheck } from './DependencyChecks';
import { EntityPlacement } from '../database/ScorecardStore';

/**
 * Bump when the evaluation itself changes what the same inputs produce (a new built-in check,
 * a changed formula): every stored hash then differs and the next pass re-evaluates everything.
 */
const INPUTS_VERSION = 1;

const DAY_MILLIS = Duration.fromObject({ days: 1 }).as('milliseconds');

/** The longest a date-based verdict is searched ahead for its next change. */
const SEARCH_DAYS = 20 * 366;

/** Plain code-unit order: stable across locales and cheaper than `localeCompare`. */
const compare = (a: string, b: string) => {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
};

/** A fact as hashed: name, source, origin, observedAt (or ''), then its value. */
type FactKey = [string, string, string, string, FactValue];

// The hash's orders, made once rather than as new closures for every entity; indexed rather
// than destructured, which walks an iterator per argument.
const byAnnotationKey = (a: [string, string], b: [string, string]) =>
  compare(a[0], b[0]);
const byFactKey = (a: FactKey, b: FactKey) =>
  compare(a[0], b[0]) ||
  compare(a[1], b[1]) ||
  compare(a[2], b[2]) ||
  compare(a[3], b[3]);

/** Above this, an insertion sort's comparisons would outweigh the work array it spares. */
const FEW = 32;

/**
 * Sorts `items` in place, stably, as `Array.prototype.sort` does, so the order (and the hash)
 * is the same. An entity has a handful of annotations and facts, sorted for every entity of
 * every pass: V8's sort allocates a work array each call, several percent of what a full
 * pass allocates, where an insertion sort of a few items allocates nothing.
 */
function sortFew<T>(items: T[], order: (a: T, b: T) => number): T[] {
  if (items.length > FEW) {
    return items.sort(order);
  }
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    for (; j >= 0 && order(items[j], item) > 0; j--) {
      items[j + 1] = items[j];
    }
    items[j + 1] = item;
  }
  return items;
}

/**
 * The facts an entity's checks read: what its annotations declare, then what was measured.
 *
 * @internal
 */
export function entityFacts(
  values: GovernanceAnnotationValues,
  measured: ReadonlyArray<
    Pick<FactObservation, 'name' | 'value' | 'source' | 'observedAt'>
  >,
): FactObservation[] {
  const facts = declaredFacts(values);
  for (const { name, value, source, observedAt } of measured) {
    facts.push({ name, value, origin: 'measured', source, observedAt });
  }
  return facts;
}

/** A check as validUntil reads it: its fact's staleness window and whether it is custom. */
interface TimedCheck {
  check: ScorecardCheck;
  staleAfterDays: number | undefined;
  /** A custom check may read the time in ways we cannot see. */
  custom: boolean;
}

/** What one entity's evaluation reads, besides the configuration. */
export interface EntityInputs {
  tier: string;
  annotations: Record<string, string> | undefined;
  placement: Omit<EntityPlacement, 'tier'>;
  /** Declared and measured facts, as the checks read them. */
  facts: FactObservation[];
  waivers: Waiver[];
  /** The `dependencies-meet-tier` outcome: dependency tiers and ADRs already applied. */
  dependencyCheck?: DependencyCheck;
  /**
   * What the `approved-stack` check reads besides the above: the radar's version and the
   * technologies accepted by ADRs. Hashed instead of the check's outcome, so an unchanged
   * entity is skipped before its check runs.
   */
  stack?: unknown;
}

/**
 * Decides whether an entity needs evaluating again: a hash of everything its evaluation reads,
 * and the earliest moment time alone changes one of its verdicts. An entity whose hash is the
 * stored one, before that moment, would get the results it already has.
 *
 * @internal
 */
export class EvaluationInputs {
  /**
   * The configuration each tier's evaluation reads, serialised and fed to sha256 once: each
   * entity's hash continues a copy, instead of hashing kilobytes of configuration again.
   */
  private readonly configByTier = new Map<string, Hash>();

  /** Each tier's checks with what decides when time changes their verdict, looked up once. */
  private readonly timedChecksByTier = new Map<string, TimedCheck[]>();

  constructor(options: {
    checksByTier: ReadonlyMap<string, ScorecardCheck[]>;
    factDefinitions: FactDefinitions;
    /** The tier policies, level policy, allowed dependency tiers and warn margin. */
    config: unknown;
  }) {
    const shared = canonical(options.config);
    const facts = canonical(options.factDefinitions);
    for (const [tier, checks] of options.checksByTier) {
      this.timedChecksByTier.set(
        tier,
        checks.map(check => ({
          check,
          staleAfterDays: options.factDefinitions.get(check.factName)
            ?.staleAfterDays,
          custom: !isBuiltInCheck(check.id),
        })),
      );
      this.configByTier.set(
        tier,
        createHash('sha256').update(
          JSON.stringify([
            INPUTS_VERSION,
            tier,
            shared,
            facts,
            // A check's own settings show in what it says of itself; custom checks by their id.
            checks.map(c => [c.id, c.title, c.target, c.factName]),
          ]),
        ),
      );
    }
  }

  /**
   * sha256 of the entity's inputs and its tier's configuration, hex. Runs for every entity of
   * every pass, so it builds its arrays in a fixed order instead of sorting keys generically:
   * annotations and facts are sorted, waivers and the check outcomes are objects the same code
   * always builds in the same key order.
   */
  hash(inputs: EntityInputs): string {
    const annotations = sortFew(
      Object.entries(inputs.annotations ?? {}),
      byAnnotationKey,
    );
    const { title, owner, system, domain } = inputs.placement;
    // Sized up front: pushing onto an empty array would give it room for 17.
    const facts = new Array<FactKey>(inputs.facts.length);
    for (let i = 0; i < facts.length; i++) {
      const f = inputs.facts[i];
      facts[i] = [f.name, f.source, f.origin, f.observedAt ?? '', f.value];
    }
    sortFew(facts, byFactKey);
    // Most entities have no waiver: only a list that can be out of order is copied to sort.
    const waivers =
      inputs.waivers.length > 1
        ? [...inputs.waivers].sort((a, b) => compare(a.id, b.id))
        : inputs.waivers;
    const config = this.configByTier.get(inputs.tier);
    return (config ? config.copy() : createHash('sha256').update(inputs.tier))
      .update(
        JSON.stringify([
          annotations,
          [title, owner, system, domain],
          facts,
          waivers,
          inputs.dependencyCheck ?? null,
          inputs.stack ?? null,
        ]),
      )
      .digest('hex');
  }

  /**
   * The earliest moment after `now` at which time alone changes a verdict: a measured fact
   * outlives its staleness window, an active waiver expires, a date-based check (the security
   * review) moves to warn or fail. A custom check may read the time in ways we cannot see, so
   * an entity with one is valid until the next UTC midnight at most. Undefined when nothing
   * changes with time.
   */
  validUntil(inputs: EntityInputs, now: Date): Date | undefined {
    const nowMs = now.getTime();
    let earliest = Infinity;
    for (const { check, staleAfterDays, custom } of this.timedChecksByTier.get(
      inputs.tier,
    ) ?? []) {
      const observation = pickObservation(inputs.facts, check.factName);
      if (!observation) {
        // No value: unknown whatever the time.
        continue;
      }
      if (
        observation.origin === 'measured' &&
        observation.observedAt &&
        staleAfterDays !== undefined
      ) {
        // Stale once `observedAt + window < now`: the first millisecond after the window.
        const staleAt =
          parseTime(observation.observedAt) + staleAfterDays * DAY_MILLIS + 1;
        if (staleAt > nowMs) {
          earliest = Math.min(earliest, staleAt);
        }
      }
      if (custom) {
        earliest = Math.min(earliest, nextUtcMidnight(nowMs));
      } else if (check.id === 'security-review') {
        earliest = Math.min(
          earliest,
          nextDailyChange(check, observation, nowMs) ?? Infinity,
        );
      }
    }
    for (const waiver of inputs.waivers) {
      const expires = Date.parse(waiver.expiresAt);
      if (!waiver.revokedAt && expires > nowMs) {
        earliest = Math.min(earliest, expires);
      }
    }
    return Number.isFinite(earliest) ? new Date(earliest) : undefined;
  }
}

/** The text {@link parseTime} last read, and its time. */
let lastTimeText: string | undefined;
let lastTime = NaN;

/**
 * Date.parse, remembering the last text: the facts of one push share their observation time,
 * so consecutive entities nearly always hand in the same text.
 */
function parseTime(text: string): number {
  if (text !== lastTimeText) {
    lastTime = Date.parse(text);
    lastTimeText = text;
  }
  return lastTime;
}

function nextUtcMidnight(ms: number): number {
  return (Math.floor(ms / DAY_MILLIS) + 1) * DAY_MILLIS;
}

// Entities share a handful of review dates: each check's answer per value is kept for the day
// (up to a bound), so a pass bisects each date once instead of once per entity.
const MEMO_LIMIT = 10_000;

/** One check's answers for one UTC day, by value: texts as they are, other values as JSON. */
interface DailyChanges {
  day: number;
  byText: Map<string, number | undefined>;
  byJson: Map<string, number | undefined>;
}
const dailyChanges = new WeakMap<ScorecardCheck, DailyChanges>();

/**
 * The first UTC midnight after `nowMs` at which a check whose verdict moves one way with the
 * day (pass, then warn, then fail as a review falls due) gives another state. Asks the check
 * itself, by bisection over days, so its formula lives in one place.
 */
function nextDailyChange(
  check: ScorecardCheck,
  observation: FactObservation,
  nowMs: number,
): number | undefined {
  // The verdict depends on the day, not the time of day.
  const day = Math.floor(nowMs / DAY_MILLIS);
  let memo = dailyChanges.get(check);
  if (memo?.day !== day) {
    memo = { day, byText: new Map(), byJson: new Map() };
    dailyChanges.set(check, memo);
  }
  // A date is a text: it is its own key, without a JSON text built per entity to look it up.
  const { value } = observation;
  const isText = typeof value === 'string';
  const changes = isText ? memo.byText : memo.byJson;
  const key = isText ? value : JSON.stringify(value);
  const known = changes.get(key);
  if (known !== undefined || changes.has(key)) {
    return known;
  }
  const change = bisectDailyChange(check, observation, nowMs);
  if (changes.size >= MEMO_LIMIT) {
    changes.clear();
  }
  changes.set(key, change);
  return change;
}

function bisectDailyChange(
  check: ScorecardCheck,
  observation: FactObservation,
  nowMs: number,
): number | undefined {
  const stateAt = (ms: number) => {
    try {
      return check.evaluate(observation.value, { now: new Date(ms) }).state;
    } catch {
      return undefined;
    }
  };
  const current = stateAt(nowMs);
  let low = nextUtcMidnight(nowMs);
  let high = low + SEARCH_DAYS * DAY_MILLIS;
  if (stateAt(high) === current) {
    return undefined;
  }
  if (stateAt(low) !== current) {
    return low;
  }
  // stateAt(low) is the current state, stateAt(high) is not: narrow to the first such day.
  while (high - low > DAY_MILLIS) {
    const mid = low + Math.floor((high - low) / DAY_MILLIS / 2) * DAY_MILLIS;
    if (stateAt(mid) === current) {
      low = mid;
    } else {
      high = mid;
    }
  }
  return high;
}
