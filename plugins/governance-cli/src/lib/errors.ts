import { stringifyError } from '@backstage/errors';

/**
 * Exit codes of every command: CI systems tell "the check found problems" from "the check
 * could not run" by these.
 */
export const EXIT_OK = 0;
/** Problems were found (lint), or the backend refused the request (facts push). */
export const EXIT_PROBLEMS = 1;
/** Could not run: bad arguments, an unreadable file, invalid YAML or config, no backend. */
export const EXIT_COULD_NOT_RUN = 2;

/**
 * An error whose message is shown to the user as is, ending the process with its exit code.
 */
export class ExitCodeError extends Error {
  readonly name = 'ExitCodeError';

  constructor(message: string, readonly exitCode: number = EXIT_COULD_NOT_RUN) {
    super(message);
  }
}

/** Resolves once everything written to stdout and stderr is handed to the OS. */
export async function flushOutput(): Promise<void> {
  await Promise.all(
    [process.stdout, process.stderr].map(
      stream => new Promise<void>(resolve => stream.write('', () => resolve())),
    ),
  );
}

/** Prints the error and ends the process: an expected error by its message, others in full. */
export async function exitWithError(error: unknown): Promise<never> {
  if (error instanceof ExitCodeError) {
    process.stderr.write(`governance-cli: ${error.message}\n`);
    await flushOutput();
    process.exit(error.exitCode);
  }
  process.stderr.write(`governance-cli: ${stringifyError(error)}\n`);
  await flushOutput();
  process.exit(EXIT_COULD_NOT_RUN);
}
