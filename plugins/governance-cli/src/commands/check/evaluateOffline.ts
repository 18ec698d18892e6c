import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  AllowedDependencyTiers,
  CheckResult,
  computeEntityLevel,
  declaredFacts,
  evaluateDependencyTiers,
  evaluateScorecard,
  FactDefinitions,
  LevelPolicy,
  parseGovernanceAnnotations,
  readAllowedDependencyTiers,
  readFactDefinitions,
  readLevelPolicy,
  readTierPolicies,
  readValidationMode,
  tierChecks,
  TierPolicies,
  ValidationMode,
} from '@catalog-governance/backstage-plugin-governance-common';
import { CatalogDocument, isRecord } from '../../lib/catalogDocuments';
import { loadConfig, readFromConfig } from '../../lib/loadConfig';
import { EVERY_ENTITY, FactOverrides } from './factOverrides';
import { annotationProblems, EntityVerdict } from './verdict';

/** What the offline evaluation reads from app-config, as the backend reads it at start-up. */
export interface OfflineSettings {
  tierPolicies: TierPolicies;
  factDefinitions: FactDefinitions;
  warnMarginPercent: number;
  levelPolicy: LevelPolicy;
  allowedDependencyTiers: AllowedDependencyTiers;
  validationMode: ValidationMode;
}

/**
 * Every check id the configured levels name. Custom checks come from backend modules, which do
 * not run here, so their ids cannot be known; the backend refuses an unknown one at start-up.
 */
function checkIdsOfLevels(config: Config): string[] {
  try {
    return (config.getOptionalConfigArray('governance.levels') ?? []).flatMap(
      level => level.getOptionalStringArray('checks') ?? [],
    );
  } catch {
    return []; // malformed: readLevelPolicy says what is wrong
  }
}

/** Reads the settings from the given app-config files (the defaults without files). */
export async function loadOfflineSettings(
  configPaths: string[],
  cwd: string,
): Promise<OfflineSettings> {
  const config = await loadConfig(configPaths, cwd);
  return readFromConfig(configPaths, 'governance config', () => {
    const tierPolicies = readTierPolicies(config);
    return {
      tierPolicies,
      factDefinitions: readFactDefinitions(config),
      // As the backend's default; its range is checked when the backend starts.
      warnMarginPercent:
        config.getOptionalNumber('governance.scorecard.warnMarginPercent') ?? 5,
      levelPolicy: readLevelPolicy(config, {
        tierPolicies,
        customCheckIds: checkIdsOfLevels(config),
      }),
      allowedDependencyTiers: readAllowedDependencyTiers(config, tierPolicies),
      validationMode: readValidationMode(config),
    };
  });
}

/** One file's entities. */
export interface CatalogFile {
  file: string;
  documents: CatalogDocument[];
}

function tierOf(document: CatalogDocument, tierNames: Iterable<string>) {
  return parseGovernanceAnnotations(
    (document.annotations ?? {}) as Record<string, string>,
    { tierNames },
  );
}

/** The `spec.dependsOn` refs of an entity, full refs in its namespace. */
function dependsOn(document: CatalogDocument): string[] {
  const { entity } = document;
  const spec = isRecord(entity.spec) ? entity.spec : {};
  const metadata = isRecord(entity.metadata) ? entity.metadata : {};
  const refs = Array.isArray(spec.dependsOn) ? spec.dependsOn : [];
  return refs.flatMap(ref => {
    try {
      return [
        stringifyEntityRef(
          parseEntityRef(String(ref), {
            defaultNamespace:
              typeof metadata.namespace === 'string'
                ? metadata.namespace
                : 'default',
          }),
        ),
      ];
    } catch {
      return []; // the catalog refuses such an entity; `lint` is not about relations
    }
  });
}

/**
 * The `dependencies-meet-tier` result from the dependencies found in the given files. The
 * catalog holds the tiers of the others, so they are named as not checked; ADRs are not read
 * offline, so one that accepts a dependency does not clear it here.
 */
function dependencyResult(
  document: CatalogDocument,
  tier: string,
  inFiles: Map<string, string | undefined>,
  settings: OfflineSettings,
): { result?: CheckResult; note?: string } {
  const refs = dependsOn(document);
  const known = refs.filter(ref => inFiles.has(ref));
  const unknown = refs.filter(ref => !inFiles.has(ref));
  const note = unknown.length
    ? `Dependencies not checked offline (not in the given files): ${unknown.join(
        ', ',
      )}; run check --entity against the backend to check them`
    : undefined;
  if (known.length === 0) {
    return { note };
  }
  const { result } = evaluateDependencyTiers({
    tier,
    dependencies: known.map(entityRef => ({
      entityRef,
      tier: inFiles.get(entityRef),
    })),
    allowedTiers: settings.allowedDependencyTiers,
    clearedByAdr: new Set(),
  });
  return { result, note };
}

/**
 * Evaluates every governed entity of the given files with the code the backend runs: the shared
 * annotation parser, the tier's checks over declared facts and the given measured ones, the
 * maturity level and, for dependencies in the same files, the dependency tiers. Waivers and
 * custom checks live in the backend and do not apply offline.
 */
export function evaluateOffline(options: {
  files: CatalogFile[];
  settings: OfflineSettings;
  overrides: FactOverrides;
  now: Date;
  /** Check only this entity of the files. */
  entityRef?: string;
}): EntityVerdict[] {
  const { files, settings, overrides, now } = options;
  const { tierPolicies } = settings;
  const tierNames = [...tierPolicies.keys()];
  const inFiles = new Map<string, string | undefined>();
  for (const { documents } of files) {
    for (const document of documents) {
      inFiles.set(document.entityRef, tierOf(document, tierNames).values.tier);
    }
  }
  const verdicts: EntityVerdict[] = [];
  for (const { file, documents } of files) {
    for (const document of documents) {
      const { entityRef } = document;
      if (options.entityRef && entityRef !== options.entityRef) {
        continue;
      }
      const { values, problems, annotated } = tierOf(document, tierNames);
      const policy = values.tier ? tierPolicies.get(values.tier) : undefined;
      if (!annotated || (!policy && problems.length === 0)) {
        continue; // not governed: nothing is required of it
      }
      const verdict: EntityVerdict = {
        entityRef,
        tier: policy?.name,
        results: [],
        ...annotationProblems(problems, settings.validationMode),
        location: { file, locate: key => document.locate(key) },
      };
      verdicts.push(verdict);
      if (!policy) {
        continue;
      }
      verdict.results = evaluateScorecard({
        checks: tierChecks(policy, {
          warnMarginPercent: settings.warnMarginPercent,
        }),
        facts: [
          ...declaredFacts(values),
          ...(overrides.get(EVERY_ENTITY) ?? []),
          ...(overrides.get(entityRef) ?? []),
        ],
        factDefinitions: settings.factDefinitions,
        now,
      });
      const dependencies = dependencyResult(
        document,
        policy.name,
        inFiles,
        settings,
      );
      if (dependencies.result) {
        verdict.results.push(dependencies.result);
      }
      if (dependencies.note) {
        verdict.notes.push(dependencies.note);
      }
      verdict.level = computeEntityLevel({
        results: verdict.results,
        policy: settings.levelPolicy,
        tier: policy.name,
      });
    }
  }
  return verdicts;
}
