/**
 * The governance CLI for platform teams: lints governance annotations before a change merges,
 * and pushes measured facts from pipelines to the governance backend.
 *
 * @packageDocumentation
 */

import { CommanderError, program } from 'commander';
import { version } from '../package.json';
import { registerCommands } from './commands';
import { EXIT_COULD_NOT_RUN, exitWithError, ExitCodeError } from './lib/errors';

const main = async (argv: string[]) => {
  program
    .name('governance-cli')
    .description(
      'Lint governance annotations and push facts to the Backstage governance backend',
    )
    .version(version)
    // Throws instead of exiting, so that bad arguments end with exit code 2, not commander's 1.
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  registerCommands(program);

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; usage errors are already printed by commander.
      process.exit(error.exitCode === 0 ? 0 : EXIT_COULD_NOT_RUN);
    }
    await exitWithError(error);
  }
};

process.on('unhandledRejection', rejection => {
  exitWithError(
    rejection instanceof Error
      ? rejection
      : new ExitCodeError(`Unknown rejection: '${rejection}'`),
  );
});

main(process.argv);
