import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
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
import { specRef } from '../catalog/specRef';
import { GovernanceStore } from '../database/GovernanceStore';
import { ScorecardEngine } from '../scorecards/ScorecardEngine';

/**
 * Builds the governance summary of one entity from the catalog (read with the caller's
 * credentials, so catalog read permissions apply), the tier policy and the store.
 *
 * @internal
 */
export class EntitySummaryService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      store: GovernanceStore;
      scorecards: ScorecardEngine;
      tierPolicies: TierPolicies;
      validationMode: ValidationMode;
      now?: () => Date;
    },
  ) {}

  async getSummary(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityGovernanceSummary> {
    const { catalog, store, tierPolicies, validationMode } = this.deps;
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
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
    // Independent reads, so a page waits for the slowest of them rather than their sum.
    const [stored, storedResults, decisionScope] = await Promise.all([
      policy ? store.getEntityTier(ref) : undefined,
      policy ? store.getResults(ref) : undefined,
      this.ownerDecisionScope(owner, credentials),
    ]);
    const now = this.deps.now?.() ?? new Date();
    // Pages read stored results; an entity never evaluated yet is evaluated once, now.
    const scorecard = policy
      ? storedResults ?? {
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

  private async ownerDecisionScope(
    owner: string | undefined,
    credentials: BackstageCredentials,
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
    const group = await this.deps.catalog.getEntityByRef(owner, {
      credentials,
    });
    if (!group) {
      return {
        status: 'unknown',
        team: owner,
        reason: `The owning group ${owner} is not in the catalog.`,
      };
    }
    const members = (group.relations ?? []).filter(
      r => r.type === RELATION_HAS_MEMBER,
    ).length;
    return {
      status: 'resolved',
      team: owner,
      ...resolveDecisionScope(members),
    };
  }
}
