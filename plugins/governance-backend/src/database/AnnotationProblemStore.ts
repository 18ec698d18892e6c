import {
  AnnotationProblemPage,
  AnnotationProblemRecord,
} from '@catalog-governance/backstage-plugin-governance-common';
import { HiddenEntities } from './util';

/**
 * An annotation problem found by a catalog scan, before it is stored.
 *
 * @internal
 */
export type AnnotationProblemFinding = Omit<
  AnnotationProblemRecord,
  'recordedAt'
>;

/**
 * The governance annotation problems of every entity, as the last catalog scan found them.
 *
 * @internal
 */
export interface AnnotationProblemStore {
  /**
   * Replaces every stored problem with the findings of one complete scan, in one transaction:
   * a problem fixed since the last scan is gone, and a scan that fails half-way changes nothing.
   */
  replaceAnnotationProblems(
    findings: AnnotationProblemFinding[],
    recordedAt: Date,
  ): Promise<void>;

  /**
   * One page of problems, held back first, then by entity and key. `owner` is a full entity
   * ref; an empty string selects the entities without an owner.
   */
  listAnnotationProblems(
    filter: { owner?: string },
    page: { offset: number; limit: number },
    hidden: HiddenEntities,
  ): Promise<AnnotationProblemPage>;

  /** The entities with at least one problem: the candidates a conditional read decision filters. */
  listAnnotationProblemEntityRefs(): Promise<string[]>;
}
