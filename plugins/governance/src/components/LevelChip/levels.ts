import {
  CheckResult,
  GovernanceApiSchemas,
} from '@catalog-governance/backstage-plugin-governance-common';

/** A configured level as the backend names it: `name` as in config, `title` for people. */
export type LevelDefinition = GovernanceApiSchemas['LevelDefinition'];

/**
 * The level definition of a name, or `null` for no level. A name missing from `levels` keeps
 * its name as its title.
 */
export function levelByName(
  levels: readonly LevelDefinition[],
  name: string | null | undefined,
): LevelDefinition | null {
  if (!name) {
    return null;
  }
  return levels.find(level => level.name === name) ?? { name, title: name };
}

/**
 * "2 checks to Silver: Test coverage, Security review". The backend names the checks by id;
 * the scorecard's results give their titles, as the scorecard table shows them.
 */
export function describeNextLevel(
  next: { title: string; failingChecks: string[] },
  results: Pick<CheckResult, 'checkId' | 'title'>[],
): string {
  const titles = next.failingChecks.map(
    checkId =>
      results.find(result => result.checkId === checkId)?.title ?? checkId,
  );
  const count = titles.length === 1 ? '1 check' : `${titles.length} checks`;
  return `${count} to ${next.title}: ${titles.join(', ')}`;
}
