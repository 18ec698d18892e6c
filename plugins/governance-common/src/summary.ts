import {
  AnnotationProblem,
  GovernanceAnnotationValues,
} from './parseAnnotations';
import { DecisionScope } from './decisionScope';
import { TierPolicy } from './tierPolicy';
import { CheckResult } from './scorecard';

/**
 * Who owns an entity and where to look when it misbehaves.
 *
 * @public
 */
export interface GovernanceOwnership {
  /** Full entity ref of `spec.owner`, absent when the entity names no owner. */
  owner?: string;
  techLead?: string;
  architect?: string;
  monitoringUrl?: string;
  runbookUrl?: string;
}

/**
 * The decision scope of the owning team, or why it could not be worked out.
 *
 * @public
 */
export type OwnerDecisionScope =
  | ({ status: 'resolved'; team: string } & DecisionScope)
  | {
      status: 'unknown';
      team?: string;
      /** Why the scope is unknown, e.g. the owner is a User or its Group is not in the catalog. */
      reason: string;
    };

/**
 * The governance summary of one entity, as `GET /api/governance/summary` returns it.
 *
 * @public
 */
export interface EntityGovernanceSummary {
  entityRef: string;
  /** True when the entity carries at least one governance annotation. */
  annotated: boolean;
  /** The entity's tier and the policy it demands, absent when no valid tier is declared. */
  tier?: TierPolicy & {
    /** When this plugin first saw the entity in this tier (ISO timestamp), if it has yet. */
    since?: string;
  };
  declared: GovernanceAnnotationValues;
  /**
   * The stored scorecard: one result per check the tier demands, with measured facts beating
   * declared ones. Absent without a valid tier.
   */
  scorecard?: {
    /** When the results were computed (ISO timestamp). */
    evaluatedAt: string;
    results: CheckResult[];
  };
  ownership: GovernanceOwnership;
  decisionScope: OwnerDecisionScope;
  /**
   * Malformed annotations. In `governance.validation.mode: error` the catalog holds such
   * entities back, so these show only in `warn` mode or for entities ingested before.
   */
  problems: AnnotationProblem[];
  /** `error` or `warn`, from `governance.validation.mode`. */
  validationMode: ValidationMode;
}

/**
 * What the catalog does with a malformed governance annotation: `error` emits a processing
 * error (the entity is held back), `warn` logs and ingests it anyway.
 *
 * @public
 */
export type ValidationMode = 'error' | 'warn';

/**
 * Reads `governance.validation.mode`, defaulting to `error`.
 *
 * @public
 */
export function readValidationMode(config: {
  getOptionalString(key: string): string | undefined;
}): ValidationMode {
  const mode =
    config.getOptionalString('governance.validation.mode') ?? 'error';
  if (mode !== 'error' && mode !== 'warn') {
    throw new Error(
      `Invalid config at 'governance.validation.mode': '${mode}' is not allowed, expected error or warn`,
    );
  }
  return mode;
}
