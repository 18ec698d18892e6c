/**
 * How far a team's decision authority reaches, from the article: it grows with team size.
 *
 * @public
 */
export type DecisionScopeLevel = 'service' | 'related-services' | 'domain';

/**
 * A kind of architectural decision and the smallest scope that may take it. `council` means
 * it always goes to the architecture council, whatever the team's size.
 *
 * @public
 */
export interface DecisionKind {
  id: string;
  title: string;
  scope: DecisionScopeLevel | 'council';
}

/**
 * The decisions named in the article, from the narrowest scope to the council.
 *
 * @public
 */
export const DECISION_KINDS: readonly DecisionKind[] = [
  {
    id: 'stack-choice',
    title: 'Stack choices within the approved stack',
    scope: 'service',
  },
  { id: 'api-design', title: 'API design', scope: 'service' },
  { id: 'data-model', title: 'Data models', scope: 'service' },
  {
    id: 'service-boundaries',
    title: 'Service boundaries',
    scope: 'related-services',
  },
  {
    id: 'integration-patterns',
    title: 'Integration patterns',
    scope: 'related-services',
  },
  {
    id: 'testing-strategy',
    title: 'Testing strategy',
    scope: 'related-services',
  },
  {
    id: 'cross-service-contracts',
    title: 'Cross-service contracts',
    scope: 'domain',
  },
  { id: 'shared-libraries', title: 'Shared libraries', scope: 'domain' },
  {
    id: 'deployment-architecture',
    title: 'Deployment architecture',
    scope: 'domain',
  },
  { id: 'platform-selection', title: 'Platform selection', scope: 'council' },
  {
    id: 'enterprise-integration',
    title: 'Enterprise integration',
    scope: 'council',
  },
];

const LEVEL_ORDER: DecisionScopeLevel[] = [
  'service',
  'related-services',
  'domain',
];

/**
 * What a team of a given size may decide itself and what needs the council.
 *
 * @public
 */
export interface DecisionScope {
  level: DecisionScopeLevel;
  /** Human description of the level, e.g. `within one service`. */
  description: string;
  memberCount: number;
  teamDecides: DecisionKind[];
  councilDecides: DecisionKind[];
}

const LEVEL_DESCRIPTIONS: Record<DecisionScopeLevel, string> = {
  service: 'within one service (teams of up to 4 engineers)',
  'related-services': 'across related services (teams of 5 to 9 engineers)',
  domain: 'across a domain (teams of 10 or more engineers)',
};

/**
 * The scope level for a team size: up to 4 engineers decide within one service, 5-9 across
 * related services, 10 or more across a domain. A team smaller than 2 still owns its service.
 *
 * @public
 */
export function decisionScopeLevelFor(memberCount: number): DecisionScopeLevel {
  if (memberCount >= 10) {
    return 'domain';
  }
  if (memberCount >= 5) {
    return 'related-services';
  }
  return 'service';
}

/**
 * Splits the known decision kinds into those the team may take and those that need the
 * council, for a team of `memberCount` engineers.
 *
 * @public
 */
export function resolveDecisionScope(memberCount: number): DecisionScope {
  const level = decisionScopeLevelFor(memberCount);
  const reach = LEVEL_ORDER.indexOf(level);
  const teamDecides: DecisionKind[] = [];
  const councilDecides: DecisionKind[] = [];
  for (const kind of DECISION_KINDS) {
    const allowed =
      kind.scope !== 'council' && LEVEL_ORDER.indexOf(kind.scope) <= reach;
    (allowed ? teamDecides : councilDecides).push(kind);
  }
  return {
    level,
    description: LEVEL_DESCRIPTIONS[level],
    memberCount,
    teamDecides,
    councilDecides,
  };
}
