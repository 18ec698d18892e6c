import { Command, Option } from 'commander';
import { exitWithError, flushOutput } from '../lib/errors';
import { ADR_DATE_ORDERS } from '@catalog-governance/backstage-plugin-governance-common';
import { DEFAULT_ADR_FILE_PATTERN } from './adrLint/lintAdrs';
import { LINT_FORMATS } from './lint/formatters';

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  value,
];

/** Registers every command on the program; each command's code loads only when it runs. */
export function registerCommands(program: Command) {
  program
    .command('lint')
    .description(
      'Validate the governance annotations of catalog files with the rules the catalog applies',
    )
    .argument(
      '<paths...>',
      "catalog files or quoted glob patterns, e.g. 'services/**/catalog-info.yaml'",
    )
    .option(
      '--config <path>',
      'app-config file whose governance.tiers define the tiers; repeat to merge several',
      collect,
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(LINT_FORMATS)
        .default('text'),
    )
    .action(lazy(() => import('./lint/lint')));

  program
    .command('adr')
    .description('Work with architecture decision records (ADRs)')
    .command('lint')
    .description(
      'Check the ADRs of a folder with the parser the governance backend uses: status, date, superseding ADR, numbers and file names',
    )
    .argument('<folder>', 'the folder that holds the ADR files, e.g. docs/adr')
    .option(
      '--file-pattern <regex>',
      'regular expression every ADR file name must match',
      DEFAULT_ADR_FILE_PATTERN,
    )
    .addOption(
      new Option(
        '--date-order <order>',
        'how a date such as 05/02/2018 is read (as governance.adrs.dateOrder)',
      )
        .choices(ADR_DATE_ORDERS)
        .default('day-first'),
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(LINT_FORMATS)
        .default('text'),
    )
    .action(lazy(() => import('./adrLint/adrLint')));

  program
    .command('check')
    .description(
      "Fail a pipeline when an entity does not meet its tier's contract: failing checks that are not waived, or a level below the one its tier requires",
    )
    .option(
      '--entity <entityRef>',
      'the entity to check, e.g. component:default/payments; alone, asks the backend; with --file, picks one entity of the files',
    )
    .option(
      '--file <path>',
      'a catalog file or quoted glob to check offline, without a backend, e.g. catalog-info.yaml; repeat for more',
      collect,
    )
    .option(
      '--config <path>',
      'offline: app-config file with the governance tiers, levels and facts; repeat to merge several',
      collect,
    )
    .option(
      '--fact <name=value>',
      'offline: a measured fact for every entity checked, e.g. coverage=83.2; beats the declared annotation; repeat for more',
      collect,
    )
    .option(
      '--facts <path>',
      'offline: a JSON file of facts as facts push --file reads, { "facts": [...] }; a fact may name its entityRef',
    )
    .addOption(
      new Option(
        '--url <url>',
        'online: base URL of the Backstage backend, e.g. https://backstage.example.com',
      ).env('GOVERNANCE_BACKEND_URL'),
    )
    .addOption(
      new Option(
        '--token <token>',
        'online: a Backstage external-access token (backend.auth.externalAccess) or user token',
      ).env('GOVERNANCE_TOKEN'),
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(LINT_FORMATS)
        .default('text'),
    )
    .action(lazy(() => import('./check/check')));

  const facts = program
    .command('facts')
    .description('Work with the facts the scorecards read');

  facts
    .command('push')
    .description(
      'Push measured facts for catalog entities to the governance backend',
    )
    .addOption(
      new Option(
        '--url <url>',
        'base URL of the Backstage backend, e.g. https://backstage.example.com',
      ).env('GOVERNANCE_BACKEND_URL'),
    )
    .addOption(
      new Option(
        '--token <token>',
        'a Backstage external-access token (backend.auth.externalAccess) or user token',
      ).env('GOVERNANCE_TOKEN'),
    )
    .option(
      '--entity <entityRef>',
      'the entity the facts are about, e.g. component:default/payments',
    )
    .option(
      '--fact <name=value>',
      'a fact, e.g. coverage=83.2, testingKinds=unit,integration; repeat for more',
      collect,
    )
    .option(
      '--file <path>',
      'a JSON file of facts, { "facts": [...] } or [...]; - reads stdin',
    )
    .option(
      '--source <source>',
      'who measured the facts, e.g. ci/github-actions',
    )
    .option(
      '--observed-at <timestamp>',
      'when the facts were measured, as an ISO timestamp (default: now)',
    )
    .action(lazy(() => import('./factsPush/factsPush')));

  program
    .command('stack')
    .description("Work with an entity's technology stack")
    .command('scan')
    .description(
      "Find an entity's languages, frameworks, datastores and message brokers in its manifests (package.json, go.mod, pom.xml, build.gradle, requirements.txt, pyproject.toml, Dockerfile) and optionally push them as facts",
    )
    .argument('[folder]', "the entity's source folder", '.')
    .option(
      '--entity <entityRef>',
      'the entity the stack belongs to, e.g. component:default/payments; needed with --push',
    )
    .option(
      '--push',
      'push the stack as facts (stackLanguages, stackFrameworks, stackDatastores, stackMessageBrokers) to the governance backend',
    )
    .addOption(
      new Option(
        '--url <url>',
        'with --push: base URL of the Backstage backend, e.g. https://backstage.example.com',
      ).env('GOVERNANCE_BACKEND_URL'),
    )
    .addOption(
      new Option(
        '--token <token>',
        'with --push: a Backstage external-access token (backend.auth.externalAccess) or user token',
      ).env('GOVERNANCE_TOKEN'),
    )
    .option(
      '--source <source>',
      'with --push: who measured the stack, e.g. ci/github-actions',
      'governance-cli/stack-scan',
    )
    .option(
      '--max-depth <levels>',
      'how many folder levels below the folder to look for manifests',
      '6',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json'])
        .default('text'),
    )
    .action(lazy(() => import('./stackScan/stackScan')));
}

type Action = (...args: any[]) => Promise<number>;

/** Wraps a lazily loaded action so that it always ends the process with its exit code. */
function lazy(
  load: () => Promise<{ default: Action }>,
): (...args: any[]) => Promise<never> {
  return async (...args: any[]) => {
    try {
      const mod = await load();
      // From source the module is loaded as CommonJS inside an ES module namespace.
      const action =
        typeof mod.default === 'function'
          ? mod.default
          : (mod.default as unknown as { default: Action }).default;
      const exitCode = await action(...args);
      await flushOutput();
      return process.exit(exitCode);
    } catch (error) {
      return exitWithError(error);
    }
  };
}
