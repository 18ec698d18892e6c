import {
  FactInput,
  PushFactsResponse,
  STACK_CATEGORIES,
  STACK_FACTS,
  stackCategoryLabel,
} from '@catalog-governance/backstage-plugin-governance-common';
import { resolve as resolvePath } from 'node:path';
import { EXIT_OK, ExitCodeError } from '../../lib/errors';
import { BackendOptions, requireBackend } from '../../lib/governanceClient';
import { invocationDir } from '../../lib/invocationDir';
import { describeAccepted } from '../factsPush/factsPush';
import { pushFacts } from '../factsPush/pushFacts';
import {
  DEFAULT_MAX_DEPTH,
  scanStack,
  StackEvidence,
  StackScan,
} from './scanStack';

/** Output formats of `stack scan`. */
export const STACK_SCAN_FORMATS = ['text', 'json'];

/** The source the pushed facts name unless `--source` says otherwise. */
export const DEFAULT_STACK_SOURCE = 'governance-cli/stack-scan';

/** Options of `governance-cli stack scan`, as commander reads them. */
export interface StackScanOptions extends BackendOptions {
  entity?: string;
  push?: boolean;
  source?: string;
  maxDepth?: string;
  format?: 'text' | 'json';
  /** Where a relative folder starts; where the command was typed by default. */
  cwd?: string;
}

/**
 * The facts a scan pushes: one `string-list` per category the scan found something in. A
 * category with nothing found is not pushed, so what the entity's `governance/stack`
 * annotation declares there (a broker reached through a cloud SDK the table does not know)
 * still stands.
 */
export function stackFacts(
  scan: StackScan,
  entityRef: string,
  source: string,
): FactInput[] {
  return STACK_CATEGORIES.filter(c => scan.stack[c]?.length).map(category => ({
    entityRef,
    name: STACK_FACTS[category],
    value: scan.stack[category]!,
    source,
  }));
}

const MAX_FILES_SHOWN = 3;

/** The first files a technology was seen in, each with the first dependency that said so. */
function whereSeen(evidence: StackEvidence[]): string {
  const byFile = new Map<string, string | undefined>();
  for (const { file, dependency } of evidence) {
    if (!byFile.has(file)) {
      byFile.set(file, dependency);
    }
  }
  const shown = [...byFile]
    .slice(0, MAX_FILES_SHOWN)
    .map(([file, dependency]) =>
      dependency ? `${file}: ${dependency}` : file,
    );
  const more = byFile.size - MAX_FILES_SHOWN;
  return `${shown.join(', ')}${more > 0 ? `, +${more} more files` : ''}`;
}

/** The scan for people: each category's technologies, and where each was seen. */
export function formatStackScan(
  scan: StackScan,
  dir: string,
  entityRef?: string,
): string {
  const s = scan.manifests.length === 1 ? '' : 's';
  const lines = [
    `Stack${entityRef ? ` of ${entityRef}` : ''} from ${
      scan.manifests.length
    } manifest${s} under ${dir}:`,
  ];
  for (const category of STACK_CATEGORIES) {
    const label = `${stackCategoryLabel(category)}s:`.padEnd(17);
    const technologies = scan.stack[category] ?? [];
    lines.push(
      `  ${label} ${
        technologies.length
          ? technologies
              .map(t => `${t} (${whereSeen(scan.evidence[t])})`)
              .join(', ')
          : 'none found'
      }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function readMaxDepth(value: string | undefined): number {
  if (value === undefined) {
    return DEFAULT_MAX_DEPTH;
  }
  const depth = Number(value);
  if (!Number.isInteger(depth) || depth < 0 || depth > 20) {
    throw new ExitCodeError(
      `--max-depth ${value} must be a whole number from 0 (the folder itself) to 20`,
    );
  }
  return depth;
}

/** The `stack scan` command's action. */
export default async function stackScanCommand(
  folder: string | undefined,
  opts: StackScanOptions,
): Promise<number> {
  const backend = opts.push ? requireBackend(opts) : undefined;
  if (opts.push && !opts.entity) {
    throw new ExitCodeError(
      '--push needs --entity, the entity the stack belongs to, e.g. --entity component:default/payments',
    );
  }
  const dir = folder ?? '.';
  const scan = await scanStack({
    dir: resolvePath(opts.cwd ?? invocationDir(), dir),
    name: dir,
    maxDepth: readMaxDepth(opts.maxDepth),
  });

  let pushed: { facts: FactInput[]; response: PushFactsResponse } | undefined;
  if (backend) {
    const facts = stackFacts(
      scan,
      opts.entity!,
      opts.source ?? DEFAULT_STACK_SOURCE,
    );
    const response = await pushFacts({
      baseUrl: backend.url,
      token: backend.token,
      facts,
    });
    pushed = { facts, response };
  }

  if (opts.format === 'json') {
    process.stdout.write(
      `${JSON.stringify(
        {
          ...(opts.entity && { entityRef: opts.entity }),
          folder: dir,
          ...scan,
          ...(pushed && { pushed: pushed.response }),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    process.stdout.write(formatStackScan(scan, dir, opts.entity));
    if (pushed) {
      process.stdout.write(describeAccepted(pushed.facts, pushed.response));
    }
  }
  return EXIT_OK;
}
