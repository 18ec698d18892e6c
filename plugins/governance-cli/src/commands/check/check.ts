import { version } from '../../../package.json';
import { readCatalogDocuments } from '../../lib/catalogDocuments';
import { ExitCodeError } from '../../lib/errors';
import { BackendOptions, requireBackend } from '../../lib/governanceClient';
import { invocationDir } from '../../lib/invocationDir';
import { readFactsFile } from '../factsPush/factsPush';
import { LintFormat } from '../lint/formatters';
import { readInputFiles, resolveInputs } from '../lint/resolveInputs';
import {
  CatalogFile,
  evaluateOffline,
  loadOfflineSettings,
} from './evaluateOffline';
import { EVERY_ENTITY, readFactOverrides } from './factOverrides';
import { fetchVerdict } from './fetchVerdict';
import { CheckReport, formatCheckReport } from './formatCheckReport';

/** Options of `governance-cli check`, as commander reads them. */
export interface CheckOptions extends BackendOptions {
  entity?: string;
  /** Catalog files or quoted globs: check offline. */
  file?: string[];
  config?: string[];
  fact?: string[];
  /** A JSON file of facts, as `facts push --file` reads. */
  facts?: string;
  format?: LintFormat;
  /** Where relative paths start; where the command was typed by default. */
  cwd?: string;
  now?: Date;
}

const OFFLINE_ONLY = ['config', 'fact', 'facts'] as const;

async function checkOffline(options: CheckOptions): Promise<CheckReport> {
  const cwd = options.cwd ?? invocationDir();
  const now = options.now ?? new Date();
  const settings = await loadOfflineSettings(options.config ?? [], cwd);
  const overrides = readFactOverrides({
    facts: options.fact ?? [],
    file: options.facts ? await readFactsFile(options.facts) : undefined,
    definitions: settings.factDefinitions,
    now,
  });
  const { files, errors } = await resolveInputs(options.file ?? [], cwd);
  const catalogFiles: CatalogFile[] = [];
  for await (const { file, content } of readInputFiles(files, cwd, errors)) {
    const read = readCatalogDocuments({ file, content });
    errors.push(...read.errors);
    catalogFiles.push({ file, documents: read.documents });
  }
  const refs = catalogFiles.flatMap(f => f.documents.map(d => d.entityRef));
  const missing = [options.entity, ...overrides.keys()].filter(
    (ref): ref is string =>
      ref !== undefined && ref !== EVERY_ENTITY && !refs.includes(ref),
  );
  if (missing.length && errors.length === 0) {
    throw new ExitCodeError(
      `${missing.join(', ')} ${
        missing.length === 1 ? 'is' : 'are'
      } not in ${files.join(', ')}; its entities are ${
        refs.join(', ') || 'none'
      }`,
    );
  }
  return {
    files,
    errors,
    verdicts: evaluateOffline({
      files: catalogFiles,
      settings,
      overrides,
      now,
      entityRef: options.entity,
    }),
  };
}

/**
 * Checks entities against their tier contract: online (`--entity`) from the backend's stored,
 * waiver-applied scorecard and level; offline (`--file`) with the backend's evaluation code
 * over the files' annotations, the given facts and the given app-config. Resolves to what to
 * print and the exit code: 0 meets, 1 fails, 2 could not check.
 */
export async function check(
  options: CheckOptions,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  let report: CheckReport;
  if (options.file?.length) {
    report = await checkOffline(options);
  } else if (options.entity) {
    const offlineOnly = OFFLINE_ONLY.filter(o => options[o] !== undefined);
    if (offlineOnly.length) {
      throw new ExitCodeError(
        `${offlineOnly
          .map(o => `--${o}`)
          .join(
            ', ',
          )} only apply offline, with --file catalog-info.yaml; the backend uses its own config and the facts pushed to it`,
      );
    }
    const verdict = await fetchVerdict({
      ...requireBackend(options),
      entityRef: options.entity,
    });
    report = { files: [], errors: [], verdicts: [verdict] };
  } else {
    throw new ExitCodeError(
      'Nothing to check: give --entity <ref> to ask the backend, or --file catalog-info.yaml (with --config app-config.yaml) to check offline',
    );
  }
  return formatCheckReport(report, options.format ?? 'text', {
    toolVersion: version,
  });
}

/** The `check` command's action. */
export default async function checkCommand(
  opts: CheckOptions,
): Promise<number> {
  const { exitCode, stdout, stderr } = await check(opts);
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  return exitCode;
}
