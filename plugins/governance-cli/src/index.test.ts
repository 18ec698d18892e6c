import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import governancePlugin from '@catalog-governance/backstage-plugin-governance-backend';
import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import { execFile } from 'node:child_process';
import { resolve as resolvePath } from 'node:path';

// These tests run the CLI as CI runs it: bin/governance-cli in a child process. Inside this
// repository the bin runs the sources; installed from a registry it runs the built dist.
// GOVERNANCE_CLI_BIN runs them against an installed package instead, e.g. a packed tarball's.
const bin =
  process.env.GOVERNANCE_CLI_BIN ??
  resolvePath(__dirname, '../bin/governance-cli');
const fixtures = resolvePath(__dirname, '__fixtures__');
const CI_TOKEN = 'integration-test-ci-token';
/** The ADR folders of the adr lint tests, relative to {@link fixtures}, where the CLI runs. */
const adrs = '../commands/adrLint/__fixtures__';

jest.setTimeout(30_000);

function governanceCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const {
    GOVERNANCE_BACKEND_URL,
    GOVERNANCE_TOKEN,
    INIT_CWD,
    npm_lifecycle_event,
    ...inherited
  } = process.env;
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: fixtures, env: { ...inherited, ...env }, timeout: 25_000 },
      (error, stdout, stderr) => {
        const exitCode = error ? Number(error.code ?? 1) : 0;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

/** What `facts push` is told: payments, from ci/github-actions, unless said otherwise. */
interface FactsPush {
  entity?: string;
  facts?: string[];
  source?: string;
  file?: string;
}

function factsPushArgs(options: FactsPush): string[] {
  const {
    entity = 'component:default/payments',
    facts = [],
    source = 'ci/github-actions',
    file,
  } = options;
  return [
    'facts',
    'push',
    '--entity',
    entity,
    ...facts.flatMap(fact => ['--fact', fact]),
    '--source',
    source,
    ...(file ? ['--file', file] : []),
  ];
}

const entity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: {
      'governance/tier': 'core',
      'governance/test-coverage': '60',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team',
  },
});

describe('governance-cli as a process', () => {
  it.each([
    [
      'lint',
      ['lint', 'services/payments/catalog-info.yaml'],
      'No governance annotation problems in 1 file\n',
    ],
    [
      'adr lint',
      ['adr', 'lint', `${adrs}/clean`],
      'No ADR problems in 3 files\n',
    ],
  ])('%s exits 0 for sound files', async (_command, args, stderr) => {
    expect(await governanceCli(args)).toEqual({
      exitCode: 0,
      stdout: '',
      stderr,
    });
  });

  it.each([
    [
      'lint, for a quoted glob',
      ['lint', 'services/**/catalog-info.yaml'],
      '::error file=services/checkout/catalog-info.yaml,line=7,col=22,title=governance/tier::component:shop/checkout governance/tier=platinum: invalid value (allowed: one of the configured tiers: critical, core, supporting)',
      '4 governance annotation problems in 1 file of 2\n',
    ],
    [
      'adr lint',
      ['adr', 'lint', `${adrs}/problems`, '--date-order', 'month-first'],
      `::error file=${adrs}/problems/0001-use-postgresql.md,title=adr-date::date '05/02/2026' can be read as 2 May 2026 or 5 February 2026; it is read month-first as 2026-05-02 (governance.adrs.dateOrder): write 2026-05-02 to remove the doubt (adr-date)`,
      '8 ADR problems in 4 files of 4\n',
    ],
    [
      'check offline, --fact beating the annotation',
      [
        'check',
        '--file',
        'services/payments/catalog-info.yaml',
        '--fact',
        'coverage=70',
      ],
      '::error file=services/payments/catalog-info.yaml,line=6,col=22,title=Test coverage (component%3Adefault/payments)::component:default/payments coverage: Test coverage: 70%25; target for tier critical: >= 85%25',
      expect.stringContaining('1 of 1 governed entity fails its tier contract'),
    ],
  ])(
    '%s exits 1 with a GitHub Actions annotation per problem',
    async (_command, args, firstAnnotation, stderr) => {
      const result = await governanceCli([...args, '--format', 'github']);
      expect(result.exitCode).toBe(1);
      expect(result.stdout.split('\n')[0]).toBe(firstAnnotation);
      expect(result.stderr).toEqual(stderr);
    },
  );

  it('lint validates custom tiers with --config', async () => {
    const result = await governanceCli([
      'lint',
      'experimental.yaml',
      '--config',
      'app-config.custom-tiers.yaml',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      'component:default/ledger governance/tier=critical: invalid value (allowed: one of the configured tiers: core, supporting, experimental)',
    );
  });

  it.each([
    [['lint'], "error: missing required argument 'paths'"],
    [
      ['lint', 'multi-document.yaml', '--format', 'xml'],
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, github, sarif.",
    ],
    [['lint', 'missing.yaml'], 'missing.yaml: File not found'],
    [
      [
        'lint',
        'experimental.yaml',
        '--config',
        'app-config.invalid-tiers.yaml',
      ],
      "Missing config 'governance.tiers.experimental.testing.requiredKinds'",
    ],
    [['adr', 'lint'], "error: missing required argument 'folder'"],
    [
      ['adr', 'lint', `${adrs}/clean`, '--date-order', 'year-first'],
      "error: option '--date-order <order>' argument 'year-first' is invalid. Allowed choices are day-first, month-first.",
    ],
    [
      ['adr', 'lint', `${adrs}/clean`, '--file-pattern', '(['],
      "governance-cli: --file-pattern '([' is not a regular expression",
    ],
    [['adr', 'lint', 'docs/adr'], 'docs/adr: File not found'],
  ])(
    'lint and adr lint exit 2, naming why they could not run, for %j',
    async (args, message) => {
      const result = await governanceCli(args);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(message);
    },
  );

  describe('check', () => {
    it('exits 2 with a one-line reason and no stack trace when told nothing to check', async () => {
      const result = await governanceCli(['check']);
      expect(result).toEqual({
        exitCode: 2,
        stdout: '',
        stderr:
          'governance-cli: Nothing to check: give --entity <ref> to ask the backend, or --file catalog-info.yaml (with --config app-config.yaml) to check offline\n',
      });
    });
  });

  describe('facts push and check --entity, against a backend', () => {
    let baseUrl: string;

    beforeAll(async () => {
      // The real auth services, so that the CLI's bearer token is checked as in production.
      const { server } = await startTestBackend({
        features: [
          governancePlugin,
          catalogServiceMock.factory({
            entities: [
              entity('payments'),
              entity('checkout'),
              entity('inventory'),
            ],
          }),
          authServiceFactory,
          httpAuthServiceFactory,
          mockServices.rootConfig.factory({
            data: {
              backend: {
                auth: {
                  externalAccess: [
                    {
                      type: 'static',
                      options: { token: CI_TOKEN, subject: 'ci-facts' },
                      accessRestrictions: [{ plugin: 'governance' }],
                    },
                  ],
                },
              },
            },
          }),
        ],
      });
      baseUrl = `http://localhost:${server.port()}`;
    });

    async function readSummary(entityRef: string) {
      const res = await fetch(
        `${baseUrl}/api/governance/summary?entityRef=${entityRef}`,
        { headers: { Authorization: `Bearer ${CI_TOKEN}` } },
      );
      expect(res.status).toBe(200);
      const summary = (await res.json()) as EntityGovernanceSummary;
      return (checkId: string) =>
        summary.scorecard!.results.find(r => r.checkId === checkId);
    }

    /** `facts push` with `--url` and `--token` (the CI token unless given). */
    const pushWithUrl = (options: FactsPush, token = CI_TOKEN) =>
      governanceCli([
        ...factsPushArgs(options),
        '--url',
        baseUrl,
        '--token',
        token,
      ]);

    it('pushes --fact values with the URL and token from the environment, and the scorecard shows them', async () => {
      const before = await readSummary('component:default/payments');
      expect(before('coverage')).toMatchObject({
        state: 'fail',
        origin: 'declared',
      });

      const result = await governanceCli(
        factsPushArgs({
          facts: [
            'coverage=83.2',
            'p95LatencyMs=180',
            'testingKinds=unit,integration',
          ],
        }),
        { GOVERNANCE_BACKEND_URL: baseUrl, GOVERNANCE_TOKEN: CI_TOKEN },
      );
      expect(result).toEqual({
        exitCode: 0,
        stdout: [
          'Accepted 3 facts for 1 entity; scorecards re-evaluated.',
          '  component:default/payments coverage=83.2 (ci/github-actions)',
          '  component:default/payments p95LatencyMs=180 (ci/github-actions)',
          '  component:default/payments testingKinds=["unit","integration"] (ci/github-actions)',
          '',
        ].join('\n'),
        stderr: '',
      });

      const after = await readSummary('component:default/payments');
      expect(after('coverage')).toMatchObject({
        state: 'pass',
        actual: '83.2%',
        origin: 'measured',
        // The stored source records who pushed it: the token's subject.
        source: 'ci/github-actions via ci-facts',
      });
      expect(after('p95-latency')).toMatchObject({
        state: 'pass',
        actual: '180 ms',
      });
      expect(after('testing-integration')).toMatchObject({
        state: 'pass',
        origin: 'measured',
      });
    });

    it('stack scan --push sends the stack facts, which the backend takes as built-in facts', async () => {
      const result = await governanceCli([
        'stack',
        'scan',
        'stack/go-service',
        '--entity',
        'component:default/inventory',
        '--push',
        '--source',
        'ci/github-actions',
        '--url',
        baseUrl,
        '--token',
        CI_TOKEN,
      ]);
      expect(result).toEqual({
        exitCode: 0,
        stdout: expect.stringContaining(
          [
            'Accepted 4 facts for 1 entity; scorecards re-evaluated.',
            '  component:default/inventory stackLanguages=["go"] (ci/github-actions)',
            '  component:default/inventory stackFrameworks=["gin"] (ci/github-actions)',
            '  component:default/inventory stackDatastores=["postgresql"] (ci/github-actions)',
            '  component:default/inventory stackMessageBrokers=["kafka"] (ci/github-actions)',
          ].join('\n'),
        ),
        stderr: '',
      });
    });

    it('pushes the facts of --file with --url and --token', async () => {
      const result = await pushWithUrl({
        entity: 'component:default/checkout',
        source: 'ci/gitlab',
        file: 'facts.json',
      });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain(
        'Accepted 3 facts for 1 entity; scorecards re-evaluated.',
      );

      const check = await readSummary('component:default/checkout');
      expect(check('coverage')).toMatchObject({
        state: 'pass',
        actual: '91.5%',
        source: 'ci/gitlab via ci-facts',
      });
      expect(check('p95-latency')).toMatchObject({
        actual: '240 ms',
        source: 'monitoring/prometheus via ci-facts',
      });
    });

    it("exits 1 with the backend's message when it refuses a fact, and stores nothing", async () => {
      const result = await pushWithUrl({
        facts: ['availability=99.99', 'coverage=140'],
      });
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(
        'The governance backend refused the facts: 400 Bad Request: Nothing was stored: 1 problem in the facts. facts[1].value: fact coverage is 140, out of range: allowed is 0 to 100',
      );
      const check = await readSummary('component:default/payments');
      expect(check('availability')).toMatchObject({ state: 'unknown' });
    });

    it('exits 1 with the reason when the backend does not accept the token', async () => {
      const result = await pushWithUrl(
        { facts: ['coverage=90'] },
        'not-the-ci-token',
      );
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        'The governance backend refused the facts: 401 Unauthorized',
      );
      expect(result.stderr).toContain('Check --token or GOVERNANCE_TOKEN');
    });

    it('check --entity exits 1 naming the failing check of the stored scorecard, and 2 for an entity the catalog does not have', async () => {
      const env = {
        GOVERNANCE_BACKEND_URL: baseUrl,
        GOVERNANCE_TOKEN: CI_TOKEN,
      };
      const failing = await governanceCli(
        ['check', '--entity', 'component:default/inventory'],
        env,
      );
      expect(failing.exitCode).toBe(1);
      expect(failing.stdout).toContain(
        'component:default/inventory coverage: Test coverage: 60%; target for tier core: >= 75%',
      );
      expect(failing.stdout).toContain(
        'component:default/inventory required-level: Below the required level: level none, tier core requires silver',
      );
      const unknown = await governanceCli(
        ['check', '--entity', 'component:default/nope'],
        env,
      );
      expect(unknown.exitCode).toBe(2);
      expect(unknown.stderr).toMatch(
        /^governance-cli: The governance backend could not check component:default\/nope: 404 Not Found: .*component:default\/nope/,
      );
      expect(unknown.stderr).not.toMatch(/\n\s+at /);
    });

    it('exits 2 without a token', async () => {
      const result = await governanceCli(
        factsPushArgs({ facts: ['coverage=90'], source: 'ci' }),
        { GOVERNANCE_BACKEND_URL: baseUrl },
      );
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(
        'No token: pass --token or set GOVERNANCE_TOKEN',
      );
    });
  });
});
