import {
  EntityStack,
  normaliseTechnology,
  STACK_CATEGORIES,
  StackCategory,
} from '@catalog-governance/backstage-plugin-governance-common';
import { glob } from 'glob';
import { readFile, stat } from 'node:fs/promises';
import { basename, posix, resolve as resolvePath } from 'node:path';
import { ExitCodeError } from '../../lib/errors';
import { describeFsError } from '../lint/resolveInputs';
import { MANIFEST_KINDS, ManifestKind, ManifestReading } from './manifests';
import { TechnologyIndex } from './technologies';

/** Folders that hold other people's code or build output, never the project's own manifests. */
export const SKIPPED_FOLDERS = [
  'node_modules',
  'vendor',
  '.git',
  'bower_components',
  '__pycache__',
  'venv',
  '.venv',
  'target',
  'dist',
];

/** How deep below the scanned folder manifests are looked for, unless `--max-depth` says. */
export const DEFAULT_MAX_DEPTH = 6;
/** A manifest larger than this is refused: it is generated, or not a manifest. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** More manifests than this means the folder is a whole checkout of many things. */
export const MAX_MANIFESTS = 500;

/** Why a technology is in the stack: the manifest and the dependency (or language) that said so. */
export interface StackEvidence {
  file: string;
  /** The dependency, `pg` or `postgres:16` as the table names it; absent for a manifest's own language. */
  dependency?: string;
}

/** What `stack scan` found in a folder. */
export interface StackScan {
  /** The manifests read, relative to the scanned folder. */
  manifests: string[];
  stack: EntityStack;
  /** For each technology, where it was seen. */
  evidence: Record<string, StackEvidence[]>;
}

/** Whether a file name matches a manifest pattern, where `*` is any run of characters. */
const matchesFileName = (pattern: string, name: string) =>
  new RegExp(
    `^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
  ).test(name);

async function findManifests(
  dir: string,
  name: string,
  maxDepth: number,
): Promise<{ file: string; kind: ManifestKind }[]> {
  const kinds = new Map<string, ManifestKind>();
  for (const kind of MANIFEST_KINDS) {
    for (const pattern of kind.patterns) {
      kinds.set(pattern, kind);
    }
  }
  const files = await glob(
    [...kinds.keys()].map(pattern => `**/${pattern}`),
    {
      cwd: dir,
      nodir: true,
      posix: true,
      // glob counts the file itself as a level: one at the folder's top is at depth 1.
      maxDepth: maxDepth + 1,
      ignore: SKIPPED_FOLDERS.map(folder => `**/${folder}/**`),
    },
  );
  if (files.length > MAX_MANIFESTS) {
    throw new ExitCodeError(
      `Found ${files.length} manifests under ${name}, more than the ${MAX_MANIFESTS} one scan reads: scan the entity's own folder, or lower --max-depth`,
    );
  }
  return files.sort().map(file => {
    const fileName = basename(file);
    const kind = MANIFEST_KINDS.find(k =>
      k.patterns.some(pattern => matchesFileName(pattern, fileName)),
    )!;
    return { file, kind };
  });
}

async function readManifest(
  dir: string,
  name: string,
  file: string,
  kind: ManifestKind,
): Promise<ManifestReading> {
  const path = resolvePath(dir, file);
  // Named from the folder as it was typed, so the message points at the file from there.
  const shown = name === '.' ? file : posix.join(name, file);
  let content: string;
  try {
    const { size } = await stat(path);
    if (size > MAX_MANIFEST_BYTES) {
      throw new ExitCodeError(
        `${shown}: ${size} bytes, more than the ${MAX_MANIFEST_BYTES} a manifest may have`,
      );
    }
    content = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ExitCodeError) {
      throw error;
    }
    throw new ExitCodeError(`${shown}: ${describeFsError(error)}`);
  }
  try {
    return kind.read(content, basename(file));
  } catch (error) {
    throw new ExitCodeError(`${shown} ${(error as Error).message}`);
  }
}

/**
 * Reads every manifest under a folder and works out the stack: the language each kind of
 * manifest implies, and the technologies its dependencies reveal through the technology table.
 * A manifest that cannot be read stops the scan, naming the file: a stack pushed from half the
 * manifests would be wrong without saying so.
 */
export async function scanStack(options: {
  dir: string;
  /** The folder as messages name it, as it was typed; `dir` by default. */
  name?: string;
  maxDepth?: number;
  technologies?: TechnologyIndex;
}): Promise<StackScan> {
  const { dir } = options;
  const name = options.name ?? dir;
  const index = options.technologies ?? new TechnologyIndex();
  try {
    if (!(await stat(dir)).isDirectory()) {
      throw new ExitCodeError(
        `${name} is not a folder; give the folder to scan`,
      );
    }
  } catch (error) {
    if (error instanceof ExitCodeError) {
      throw error;
    }
    throw new ExitCodeError(`${name}: ${describeFsError(error)}`);
  }
  const manifests = await findManifests(
    dir,
    name,
    options.maxDepth ?? DEFAULT_MAX_DEPTH,
  );
  if (!manifests.length) {
    throw new ExitCodeError(
      `No manifest under ${name}: looked for ${MANIFEST_KINDS.flatMap(
        k => k.patterns,
      ).join(', ')} (outside ${SKIPPED_FOLDERS.join(', ')})`,
    );
  }

  const found = new Map<
    string,
    { category: StackCategory; evidence: StackEvidence[] }
  >();
  const note = (
    technology: string,
    category: StackCategory,
    evidence: StackEvidence,
  ) => {
    const normalised = normaliseTechnology(technology);
    if (!normalised) {
      return;
    }
    const entry = found.get(normalised) ?? { category, evidence: [] };
    entry.evidence.push(evidence);
    found.set(normalised, entry);
  };
  const refined = new Set<string>();

  for (const { file, kind } of manifests) {
    const reading = await readManifest(dir, name, file, kind);
    if (reading.language) {
      note(reading.language, 'languages', { file });
    }
    for (const dependency of reading.dependencies) {
      for (const match of index.lookup(dependency.ecosystem, dependency.name)) {
        if (dependency.dev && match.category !== 'languages') {
          continue;
        }
        note(match.technology, match.category, {
          file,
          dependency: dependency.name,
        });
        if (match.refines) {
          refined.add(match.refines);
        }
      }
    }
  }
  // A language gives way to its refinement found anywhere in the folder: a monorepo whose root
  // has `typescript` is a TypeScript project in every package and in its `node` image.
  for (const language of refined) {
    if (found.get(language)?.category === 'languages') {
      found.delete(language);
    }
  }

  const stack: EntityStack = {};
  const evidence: Record<string, StackEvidence[]> = {};
  for (const [technology, entry] of [...found].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    (stack[entry.category] ??= []).push(technology);
    evidence[technology] = entry.evidence;
  }
  // The categories in their usual order, each present only when something was found.
  const ordered: EntityStack = {};
  for (const category of STACK_CATEGORIES) {
    if (stack[category]) {
      ordered[category] = stack[category];
    }
  }
  return {
    manifests: manifests.map(m => m.file),
    stack: ordered,
    evidence,
  };
}
