import {
  APPROVED_STACK_CHECK_ID,
  CheckResult,
  declaredFacts,
  EntityStack,
  EntityTechnology,
  evaluateApprovedStack,
  FactObservation,
  GovernanceAnnotationValues,
  indexRadar,
  placeStack,
  STACK_CATEGORIES,
  STACK_FACTS,
  stackFromFacts,
  technologiesNamedIn,
} from '@catalog-governance/backstage-plugin-governance-common';
import { AdrStore } from '../database/AdrStore';
import { StackStore } from '../database/StackStore';
import { StackRadar } from './StackRadar';

const STACK_FACT_NAMES = new Set(Object.values(STACK_FACTS));

/**
 * Runs the `approved-stack` check for a page of tiered entities and records each one's
 * technologies with their ring (for the council's technologies view and the stack-exception
 * trigger). The radar is read from the store once per page; the accepted ADRs of entities
 * using technologies not on the radar are read in one query.
 *
 * @internal
 */
export class StackChecks {
  constructor(
    private readonly deps: {
      radar: Pick<StackRadar, 'current' | 'configured'>;
      store: Pick<
        StackStore,
        'replaceEntityTechnologies' | 'removeEntityTechnologiesExcept'
      >;
      adrs?: Pick<AdrStore, 'listAcceptedAdrTexts'>;
    },
  ) {}

  /**
   * The check of each entity that has a stack, by entity ref. Without a configured radar, or
   * for an entity without a stack, there is no such check.
   */
  async evaluate(
    entities: Array<{
      entityRef: string;
      values: GovernanceAnnotationValues;
      measured: Array<Pick<FactObservation, 'name' | 'value' | 'source'>>;
    }>,
  ): Promise<Map<string, CheckResult>> {
    const checks = new Map<string, CheckResult>();
    if (!this.deps.radar.configured || !entities.length) {
      return checks;
    }
    const radar = await this.deps.radar.current();
    const index = indexRadar(radar?.technologies ?? []);
    const stacks = entities.map(({ entityRef, values, measured }) => {
      const observations = [
        ...declaredFacts(values).filter(f => STACK_FACT_NAMES.has(f.name)),
        ...measured
          .filter(f => STACK_FACT_NAMES.has(f.name))
          .map(f => ({ ...f, origin: 'measured' as const })),
      ];
      const stack = stackFromFacts(observations);
      const measuredSources = observations
        .filter(o => o.origin === 'measured')
        .map(o => o.source);
      return {
        entityRef,
        stack,
        measured: measuredSources.length > 0,
        source: measuredSources[0] ?? 'governance/stack',
      };
    });
    const unlisted = new Map(
      stacks.map(s => [
        s.entityRef,
        technologiesOf(s.stack).filter(t => !index.has(t)),
      ]),
    );
    const withUnlisted = [...unlisted]
      .filter(([, t]) => t.length)
      .map(([r]) => r);
    const adrTexts =
      this.deps.adrs && withUnlisted.length
        ? await this.deps.adrs.listAcceptedAdrTexts(withUnlisted)
        : new Map<string, string[]>();

    const recorded: Array<{
      entityRef: string;
      technologies: EntityTechnology[];
    }> = [];
    for (const { entityRef, stack, measured, source } of stacks) {
      const technologies = placeStack(
        stack,
        index,
        technologiesNamedIn(
          adrTexts.get(entityRef) ?? [],
          unlisted.get(entityRef) ?? [],
        ),
      );
      // Recorded even when empty, so an entity that dropped its stack leaves the counts.
      recorded.push({ entityRef, technologies });
      if (!technologies.length) {
        continue;
      }
      if (!radar?.readAt) {
        checks.set(entityRef, {
          checkId: APPROVED_STACK_CHECK_ID,
          title: 'Technologies are on the approved stack',
          target: 'adopt or trial on the radar, or accepted in an ADR',
          factName: 'stack',
          state: 'unknown',
          stale: false,
          reason:
            radar?.error ??
            'The radar has not been read yet; it is read on a schedule',
        });
        continue;
      }
      checks.set(
        entityRef,
        evaluateApprovedStack({ technologies, measured, source }),
      );
    }
    await this.deps.store.replaceEntityTechnologies(
      radar?.readAt
        ? recorded
        : recorded.map(r => ({ ...r, technologies: [] })),
    );
    return checks;
  }

  /** Forgets the technologies of entities a full pass did not see (they left or lost a tier). */
  async removeExcept(seen: ReadonlySet<string>): Promise<void> {
    await this.deps.store.removeEntityTechnologiesExcept(seen);
  }
}

function technologiesOf(stack: EntityStack): string[] {
  return [...new Set(STACK_CATEGORIES.flatMap(c => stack[c] ?? []))];
}
