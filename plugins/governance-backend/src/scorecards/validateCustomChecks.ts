import { FactDefinitions } from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceCustomCheck } from '@catalog-governance/backstage-plugin-governance-node';
import { isBuiltInCheck } from './builtInChecks';

/** Fails start-up, naming the check, when a custom check could never work. */
export function validateCustomChecks(
  checks: GovernanceCustomCheck[],
  factDefinitions: FactDefinitions,
) {
  const ids = new Set<string>();
  for (const check of checks) {
    if (ids.has(check.id) || isBuiltInCheck(check.id)) {
      throw new Error(
        `Custom governance check '${check.id}' reuses the id of another check; give it a unique id`,
      );
    }
    ids.add(check.id);
    if (!factDefinitions.has(check.factName)) {
      throw new Error(
        `Custom governance check '${check.id}' reads the unknown fact '${check.factName}'; declare it under governance.facts.${check.factName} in app-config`,
      );
    }
  }
}
