import {
  APPROVED_STACK_CHECK_ID,
  CheckResult,
  EntityStack,
  EntityTechnology,
  evaluateApprovedStack,
  FactObservation,
  indexRadar,
  placeStack,
  STACK_CATEGORIES,
  STACK_FACTS,
  StackTechnology,
  stackFromFacts,
  technologiesNamedIn,
} from '@catalog-governance/backstage-plugin-governance-common';
import { createHash } from 'node:crypto';
import { AdrStore } from '../database/AdrStore';
import { StackStore, StoredRadar } from '../database/StackStore';
import { canonical } from '../canonical';
import { StackRadar } from './StackRadar';

const STACK_FACT_NAMES = new Set(Object.values(STACK_FACTS));

/** The ADR-cleared technologies of an entity with none, shared instead of one empty set each. */
const NONE_CLEARED: ReadonlySet<string> = new Set();

/** No technologies: shared by every entity and category without any, instead of one each. */
const NO_TECHNOLOGIES: readonly string[] = Object.freeze([]);

/** One entity's stack, as its `approved-stack` check reads it. */
interface EntityStackInputs {
  stack: EntityStack;
  measured: boolean;
  source: string;
  /** Technologies not on the radar that an accepted ADR of the entity names. */
  clearedByAdr: readonly string[];
  /** What the entity's input hash carries: null without technologies. */
  hashed: unknown;
}

/**
 * The radar and the stacks of a page of entities, read once: what each entity's check reads
 * (for its input hash, before the pass decides to skip it) and the check itself, run only for
 * the entities the pass evaluates.
 *
 * @internal
 */
export class StackReading {
  private readonly recorded = new Map<string, EntityTechnology[]>();
  private readonly index: ReadonlyMap<string, StackTechnology>;

  constructor(
    private readonly radar: StoredRadar | undefined,
    private readonly stacks: ReadonlyMap<string, EntityStackInputs>,
    private readonly store: Pick<
      StackStore,
      'listEntityTechnologies' | 'replaceEntityTechnologies'
    >,
  ) {
    this.index = indexRadar(radar?.technologies ?? []);
  }

  /**
   * Everything the entity's check reads, for its input hash; null for an entity without a
   * stack, so a changed radar leaves the hash of entities that declare none alone.
   */
  inputsOf(entityRef: string): unknown {
    return this.stacks.get(entityRef)?.hashed ?? null;
  }

  /**
   * The entity's check, undefined when it has no stack. Its technologies are kept for
   * {@link StackReading.record}.
   */
  check(entityRef: string): CheckResult | undefined {
    const inputs = this.stacks.get(entityRef);
    if (!inputs) {
      return undefined;
    }
    const { stack, measured, source, clearedByAdr } = inputs;
    const technologies = placeStack(
      stack,
      this.index,
      clearedByAdr.length ? new Set(clearedByAdr) : NONE_CLEARED,
    );
    // Recorded even when empty, so an entity that dropped its stack leaves the counts.
    this.recorded.set(entityRef, this.radar?.readAt ? technologies : []);
    if (!technologies.length) {
      return undefined;
    }
    if (!this.radar?.readAt) {
      return {
        checkId: APPROVED_STACK_CHECK_ID,
        title: 'Technologies are on the approved stack',
        target: 'adopt or trial on the radar, or accepted in an ADR',
        factName: 'stack',
        state: 'unknown',
        stale: false,
        reason:
          this.radar?.error ??
          'The radar has not been read yet; it is read on a schedule',
      };
    }
    return evaluateApprovedStack({ technologies, measured, source });
  }

  /**
   * Stores the technologies of the entities checked since the last call, writing only those
   * that differ from what is stored: a pass where nothing changed writes nothing.
   */
  async record(): Promise<void> {
    if (!this.recorded.size) {
      return;
    }
    const checked = [...this.recorded];
    this.recorded.clear();
    const stored = await this.store.listEntityTechnologies(
      checked.map(([entityRef]) => entityRef),
    );
    const changed = checked.filter(([entityRef, technologies]) => {
      const before = stored.get(entityRef) ?? [];
      // Lists of different lengths differ without their keys: a first pass stores every list.
      return (
        before.length !== technologies.length ||
        technologyKey(before) !== technologyKey(technologies)
      );
    });
    if (changed.length) {
      await this.store.replaceEntityTechnologies(
        changed.map(([entityRef, technologies]) => ({
          entityRef,
          technologies,
        })),
      );
    }
  }
}

/**
 * Runs the `approved-stack` check for a page of tiered entities and records each one's
 * technologies with their ring (for the council's technologies view and the stack-exception
 * trigger). The radar is read from the store once per page; the accepted ADRs of entities
 * using technologies not on the radar are read in one query.
 *
 * @internal
 */
export class StackChecks {
  /** The radar last digested, as JSON text, and its digest. */
  private digested?: { text: string; digest: string };

  constructor(
    private readonly deps: {
      radar: Pick<StackRadar, 'current' | 'configured'>;
      store: Pick<
        StackStore,
        | 'listEntityTechnologies'
        | 'replaceEntityTechnologies'
        | 'removeEntityTechnologiesExcept'
      >;
      adrs?: Pick<AdrStore, 'listAcceptedAdrTexts'>;
    },
  ) {}

  /**
   * Reads the radar and each entity's stack, and the accepted ADRs of those using a
   * technology not on the radar. Undefined without a configured radar: no entity gets the
   * check.
   */
  async read(
    entities: Array<{
      entityRef: string;
      /** The entity's declared and measured facts; the stack facts among them are read. */
      facts: ReadonlyArray<
        Pick<FactObservation, 'name' | 'value' | 'source' | 'origin'>
      >;
    }>,
  ): Promise<StackReading | undefined> {
    if (!this.deps.radar.configured) {
      return undefined;
    }
    const radar = entities.length ? await this.deps.radar.current() : undefined;
    const index = indexRadar(radar?.technologies ?? []);
    const stacks = entities.map(({ entityRef, facts }) => {
      // stackFromFacts reads only the stack facts: no filtered copy of each entity's facts.
      const stack = stackFromFacts(facts);
      const measuredSource = facts.find(
        o => o.origin === 'measured' && STACK_FACT_NAMES.has(o.name),
      )?.source;
      const technologies = technologiesOf(stack);
      return {
        entityRef,
        stack,
        measured: measuredSource !== undefined,
        source: measuredSource ?? 'governance/stack',
        technologies,
        // Nearly every entity's technologies are all on the radar: no empty list for each.
        unlisted: technologies.every(t => index.has(t))
          ? NO_TECHNOLOGIES
          : technologies.filter(t => !index.has(t)),
      };
    });
    const withUnlisted = stacks
      .filter(s => s.unlisted.length)
      .map(s => s.entityRef);
    const adrTexts =
      this.deps.adrs && withUnlisted.length
        ? await this.deps.adrs.listAcceptedAdrTexts(withUnlisted)
        : new Map<string, string[]>();
    // What the radar places goes into each hash as a digest: a few bytes, not the radar.
    const radarVersion = this.rememberedDigest(radar);
    // Set one by one: no [ref, inputs] pair and no array of them for each page.
    const inputs = new Map<string, EntityStackInputs>();
    for (const {
      entityRef,
      stack,
      measured,
      source,
      technologies,
      unlisted,
    } of stacks) {
      const clearedByAdr = unlisted.length
        ? [
            ...technologiesNamedIn(adrTexts.get(entityRef) ?? [], unlisted),
          ].sort()
        : NO_TECHNOLOGIES;
      inputs.set(entityRef, {
        stack,
        measured,
        source,
        clearedByAdr,
        // Null for an entity without a stack, so a changed radar leaves its hash alone.
        hashed: technologies.length
          ? [
              radarVersion,
              STACK_CATEGORIES.map(c => stack[c] ?? NO_TECHNOLOGIES),
              measured,
              source,
              clearedByAdr,
            ]
          : null,
      });
    }
    return new StackReading(radar, inputs, this.deps.store);
  }

  /**
   * A digest of what the radar places, the same for every replica: a pass that sees another
   * than the last one re-reads every entity with a stack.
   */
  async radarVersion(): Promise<string> {
    return this.rememberedDigest(await this.deps.radar.current());
  }

  /**
   * {@link radarDigest}, remembered for the radar last seen: each page reads the radar anew,
   * nearly always the same one, and the text JSON.stringify writes of what it places costs a
   * fraction of the sorted copy the digest is taken of. Equal text is an equal radar.
   */
  private rememberedDigest(radar: StoredRadar | undefined): string {
    const placed = placedOn(radar);
    const text = JSON.stringify(placed);
    if (this.digested?.text !== text) {
      this.digested = { text, digest: radarDigest(placed) };
    }
    return this.digested.digest;
  }

  /** Forgets the technologies of entities a full pass did not see (they left or lost a tier). */
  async removeExcept(seen: ReadonlySet<string>): Promise<void> {
    await this.deps.store.removeEntityTechnologiesExcept(seen);
  }
}

/** What the radar places, as its digest covers it: the read time is left out. */
function placedOn(radar: StoredRadar | undefined): unknown[] {
  return radar?.readAt
    ? ['read', radar.technologies]
    : ['unread', radar?.error ?? null];
}

/**
 * A digest of what the radar places, so each entity's input hash carries a few bytes instead
 * of the radar; the read time is left out, so re-reading an unchanged radar changes nothing.
 */
function radarDigest(placed: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(placed)))
    .digest('hex');
}

/** Equal for equal technology lists, whatever order they were stored in. */
function technologyKey(technologies: EntityTechnology[]): string {
  return technologies
    .map(t =>
      JSON.stringify([
        t.category,
        t.technology,
        t.ring ?? null,
        t.clearedByAdr,
      ]),
    )
    .sort()
    .join('\n');
}

/** Above this many names in all, duplicates are found with a Set rather than by scanning. */
const FEW_TECHNOLOGIES = 16;

function technologiesOf(stack: EntityStack): string[] {
  // Every tiered entity's, on every pass, mostly a handful of names: then one array, no Set.
  let count = 0;
  for (const category of STACK_CATEGORIES) {
    count += stack[category]?.length ?? 0;
  }
  if (count > FEW_TECHNOLOGIES) {
    return [...new Set(STACK_CATEGORIES.flatMap(c => stack[c] ?? []))];
  }
  // Sized up front, as pushing onto an empty array gives it room for 17; cut to the names kept.
  const technologies = new Array<string>(count);
  let kept = 0;
  for (const category of STACK_CATEGORIES) {
    for (const technology of stack[category] ?? []) {
      if (technologies.indexOf(technology) < 0) {
        technologies[kept++] = technology;
      }
    }
  }
  technologies.length = kept;
  return technologies;
}
