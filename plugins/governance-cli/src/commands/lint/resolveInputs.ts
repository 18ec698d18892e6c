import { glob, hasMagic } from 'glob';
import { readFile, stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { LintError } from './lintCatalogFile';

/**
 * Turns the command's arguments into the files to lint: glob patterns are expanded (outside
 * node_modules), plain paths are taken as they are. A pattern that matches nothing, a missing
 * file and a directory are errors, so that a typo in CI never passes as "no problems".
 */
export async function resolveInputs(
  inputs: string[],
  cwd: string,
): Promise<{ files: string[]; errors: LintError[] }> {
  const files = new Set<string>();
  const errors: LintError[] = [];
  for (const input of inputs) {
    if (hasMagic(input, { windowsPathsNoEscape: true })) {
      const matches = await glob(input, {
        cwd,
        nodir: true,
        ignore: ['**/node_modules/**'],
        posix: true,
        windowsPathsNoEscape: true,
      });
      if (matches.length === 0) {
        errors.push({ file: input, message: 'No files match this pattern' });
      }
      matches.sort().forEach(match => files.add(match));
      continue;
    }
    try {
      const stats = await stat(resolvePath(cwd, input));
      if (stats.isDirectory()) {
        errors.push({
          file: input,
          message: `Is a directory; pass files or a quoted glob such as '${input.replace(
            /\/$/,
            '',
          )}/**/catalog-info.yaml'`,
        });
      } else {
        files.add(input);
      }
    } catch (error) {
      errors.push({ file: input, message: describeFsError(error) });
    }
  }
  return { files: [...files], errors };
}

/**
 * The text of each resolved file, in turn. A file that cannot be read is added to `errors`,
 * naming it, and the others are still read.
 */
export async function* readInputFiles(
  files: string[],
  cwd: string,
  errors: LintError[],
): AsyncGenerator<{ file: string; content: string }> {
  for (const file of files) {
    let content: string;
    try {
      content = await readFile(resolvePath(cwd, file), 'utf8');
    } catch (error) {
      errors.push({ file, message: describeFsError(error) });
      continue;
    }
    yield { file, content };
  }
}

/** A short reason for a failed file system call, e.g. `File not found`. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'File not found';
    case 'EACCES':
    case 'EPERM':
      return 'Cannot read the file: permission denied';
    case 'EISDIR':
      return 'Is a directory';
    default:
      return `Cannot read the file: ${(error as Error)?.message ?? error}`;
  }
}
