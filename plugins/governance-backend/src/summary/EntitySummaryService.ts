import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityGovernanceSummary,
  OwnerDecisionScope,
  parseGovernanceAnnotations,
  resolveDecisionScope,
  TierPolicies,
  ValidationMode,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ENTITY_FIELDS } from '../catalog/readGovernedEntities';
import { readEntitiesByRefs } from '../catalog/readEntitiesByRefs';
import { specRef } from '../catalog/specRef';
import { GovernanceStore } from '../database/GovernanceStore';
import { SCORECARD_EXTRA_FIELDS } from '../scorecards/DependencyChecks';
import { ScorecardEngine } from '../scorecards/ScorecardEngine';
import { TeamSizes } from './TeamSizes';

/**
 * What a summary reads of an evaluated entity, and of its owning group read in the same request
 * to tell whether the caller sees it: the fields it shows. The team's size is read apart, at
 * most once a minute per team (`TeamSizes`).
 *
 * @public
 */
export const SUMMARY_FIELDS: readonly string[] = Object.freeze([
  ...ENTITY_FIELDS,
]);
/** What a summary reads of an entity never evaluated: what evaluating it reads. */
const EVALUATION_FIELDS = [
  ...ENTITY_FIELDS,
  'spec.system',
  'spec.domain',
  ...SCORECARD_EXTRA_FIELDS,
];

/**
 * Builds the governance summary of one entity from the catalog (read with the caller's
 * credentials, so catalog read permissions apply), the tier policy and the store.
 *
 * @internal
 */
export class EntitySummaryService {
  private readonly teamSizes: TeamSizes;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      store: GovernanceStore;
      scorecards: ScorecardEngine;
      tierPolicies: TierPolicies;
      validationMode: ValidationMode;
      now?: () => Date;
    },
  ) {
    this.teamSizes = new TeamSizes({
      catalog: deps.catalog,
      now: () => (deps.now?.() ?? new Date()).getTime(),
    });
  }

  async getSummary(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityGovernanceSummary> {
    const { tierPolicies, validationMode } = this.deps;
    // Our own rows first: the owner the last evaluation stored lets one catalog request read
    // the entity and its team together. Nothing of them is answered unless the catalog, asked
    // with the caller's credentials, shows the entity to the caller.
    const storedAsAsked = await this.readStored(entityRef);
    const lastOwner = storedAsAsked.results?.owner;
    const read = await readEntitiesByRefs({
      catalog: this.deps.catalog,
      entityRefs:
        lastOwner && lastOwner !== entityRef
          ? [entityRef, lastOwner]
          : [entityRef],
      credentials,
      // Evaluated entities are shown from their stored results.
      extraFields: storedAsAsked.results ? SUMMARY_FIELDS : EVALUATION_FIELDS,
    });
    const entity = read.get(entityRef);
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const ref = stringifyEntityRef(entity);
    const parsed = parseGovernanceAnnotations(entity.metadata.annotations, {
      tierNames: tierPolicies.keys(),
    });
    const policy = parsed.values.tier
      ? tierPolicies.get(parsed.values.tier)
      : undefined;
    const owner = specRef(entity, 'owner', 'group');
    // Asked with another spelling of the ref, the rows are keyed by the catalog's.
    const [{ tier: stored, results: storedResults }, decisionScope] =
      await Promise.all([
        ref === entityRef ? storedAsAsked : this.readStored(ref),
        this.ownerDecisionScope(owner, async group => {
          const seen = read.has(group)
            ? read.get(group)
            : (
                await readEntitiesByRefs({
                  catalog: this.deps.catalog,
                  entityRefs: [group],
                  credentials,
                })
              ).get(group);
          return seen && this.teamSizes.memberCount(group, credentials);
        }),
      ]);
    const now = this.deps.now?.() ?? new Date();
    // Pages read stored results; an entity never evaluated yet is evaluated once, now.
    const scorecard = policy
      ? (storedResults && {
          results: storedResults.results,
          evaluatedAt: storedResults.evaluatedAt,
        }) ?? {
          results: await this.deps.scorecards.evaluateLoadedEntity(entity, now),
          evaluatedAt: now.toISOString(),
        }
      : undefined;

    return {
      entityRef: ref,
      annotated: parsed.annotated,
      tier: policy && {
        ...policy,
        since: stored?.tier === policy.name ? stored.since : undefined,
      },
      declared: parsed.values,
      scorecard,
      level:
        policy &&
        scorecard &&
        this.deps.scorecards.levelOf(scorecard.results, policy.name),
      ownership: {
        owner,
        techLead: parsed.values.techLead,
        architect: parsed.values.architect,
        monitoringUrl: parsed.values.monitoringUrl,
        runbookUrl: parsed.values.runbookUrl,
      },
      decisionScope,
      problems: parsed.problems,
      validationMode,
    };
  }

  /** The entity's tier record and stored results, read by one ref in one query. */
  private readStored(entityRef: string) {
    return this.deps.store.getEntityRecord(entityRef);
  }

  /**
   * The team size of the owning group, which `countMembers` counts when the caller sees the
   * group.
   */
  private async ownerDecisionScope(
    owner: string | undefined,
    countMembers: (groupRef: string) => Promise<number | undefined>,
  ): Promise<OwnerDecisionScope> {
    if (!owner) {
      return {
        status: 'unknown',
        reason: 'The entity names no owner (spec.owner).',
      };
    }
    if (parseEntityRef(owner).kind.toLocaleLowerCase('en-US') !== 'group') {
      return {
        status: 'unknown',
        team: owner,
        reason:
          'The owner is not a Group, so there is no team size to scope decisions by.',
      };
    }
    const members = await countMembers(owner);
    if (members === undefined) {
      return {
        status: 'unknown',
        team: owner,
        reason: `The owning group ${owner} is not in the catalog.`,
      };
    }
    return {
      status: 'resolved',
      team: owner,
      ...resolveDecisionScope(members),
    };
  }
}
