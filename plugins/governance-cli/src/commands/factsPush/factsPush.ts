import {
  FactInput,
  PushFactsResponse,
} from '@catalog-governance/backstage-plugin-governance-common';
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { invocationDir } from '../../lib/invocationDir';
import { EXIT_OK, ExitCodeError } from '../../lib/errors';
import { requireBackend } from '../../lib/governanceClient';
import { describeFsError } from '../lint/resolveInputs';
import { pushFacts } from './pushFacts';
import { buildFacts } from './readFacts';

/** Options of `governance-cli facts push`, as commander reads them. */
export interface FactsPushOptions {
  url?: string;
  token?: string;
  entity?: string;
  fact?: string[];
  file?: string;
  source?: string;
  observedAt?: string;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readFactsFile(path: string) {
  let text: string;
  try {
    text =
      path === '-'
        ? await readStdin()
        : await readFile(resolvePath(invocationDir(), path), 'utf8');
  } catch (error) {
    throw new ExitCodeError(`--file ${path}: ${describeFsError(error)}`);
  }
  try {
    return { name: path === '-' ? 'stdin' : path, content: JSON.parse(text) };
  } catch (error) {
    throw new ExitCodeError(
      `--file ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

const MAX_LISTED = 20;

/** What is printed for an accepted batch: the totals, then the facts (the first 20). */
export function describeAccepted(
  facts: FactInput[],
  response: PushFactsResponse,
): string {
  const s = (n: number, word: string, plural = `${word}s`) =>
    `${n} ${n === 1 ? word : plural}`;
  const lines = [
    `Accepted ${s(response.accepted, 'fact')} for ${s(
      response.entities,
      'entity',
      'entities',
    )}; ${
      response.evaluated
        ? 'scorecards re-evaluated'
        : 'scorecards update at the next scheduled evaluation'
    }.`,
    ...facts
      .slice(0, MAX_LISTED)
      .map(
        f =>
          `  ${f.entityRef} ${f.name}=${
            typeof f.value === 'string' ? f.value : JSON.stringify(f.value)
          } (${f.source}${f.observedAt ? `, ${f.observedAt}` : ''})`,
      ),
  ];
  if (facts.length > MAX_LISTED) {
    lines.push(`  ... and ${facts.length - MAX_LISTED} more`);
  }
  return `${lines.join('\n')}\n`;
}

/** The `facts push` command's action. */
export default async function factsPushCommand(
  opts: FactsPushOptions,
): Promise<number> {
  const { url, token } = requireBackend(opts);
  const facts = buildFacts({
    entity: opts.entity,
    facts: opts.fact ?? [],
    file: opts.file ? await readFactsFile(opts.file) : undefined,
    source: opts.source,
    observedAt: opts.observedAt,
  });
  const response = await pushFacts({
    baseUrl: url,
    token,
    facts,
  });
  process.stdout.write(describeAccepted(facts, response));
  return EXIT_OK;
}
