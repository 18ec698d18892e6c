import { createMockDirectory } from '@backstage/backend-test-utils';
import { resolve as resolvePath } from 'node:path';
import { check, CheckOptions } from './check';

const fixtures = resolvePath(__dirname, '../../__fixtures__');
// The security review of the fixtures (2026-10-15, every 3 months) is due on 2027-01-15.
const now = new Date('2026-11-01T12:00:00Z');

const checkOffline = (options: Omit<CheckOptions, 'now'>) =>
  check({ cwd: fixtures, now, ...options });

/** A critical component with every fact declared, apart from the ones given to leave out. */
function critical(
  name: string,
  options: { omit?: string[]; extra?: string[] } = {},
) {
  const annotations = [
    ['governance/tier', 'critical'],
    ['governance/availability-slo', "'99.99'"],
    ['governance/p95-latency-slo', '120ms'],
    ['governance/last-security-review', "'2026-10-15'"],
    ['governance/test-coverage', "'90'"],
    ['governance/testing', 'unit, integration, load'],
  ].filter(([key]) => !options.omit?.includes(key));
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    ...annotations.map(([key, value]) => `    ${key}: ${value}`),
    'spec:',
    '  type: service',
    '  owner: group:default/team',
    ...(options.extra ?? []),
  ].join('\n');
}

describe('governance-cli check --file (offline)', () => {
  const mockDir = createMockDirectory();

  it('passes an entity that meets every check of its tier and the level it requires', async () => {
    const result = await checkOffline({
      file: ['services/payments/catalog-info.yaml'],
    });
    expect(result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: [
        'component:default/payments (critical): meets its contract; level gold, tier critical requires gold',
        '1 governed entity meets its tier contract',
        '',
      ].join('\n'),
    });
  });

  it('lets --fact override the declared value, and names the failing check, its value, its target and the level gap', async () => {
    const result = await checkOffline({
      file: ['services/payments/catalog-info.yaml'],
      fact: ['coverage=70'],
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'services/payments/catalog-info.yaml:6 component:default/payments coverage: Test coverage: 70%; target for tier critical: >= 85%',
      'services/payments/catalog-info.yaml:6 component:default/payments required-level: Below the required level: level none, tier critical requires gold; 1 check to bronze: coverage',
      '',
    ]);
    expect(result.stderr).toContain(
      '1 of 1 governed entity fails its tier contract',
    );
  });

  it('points a failing declared value at its annotation', async () => {
    mockDir.setContent({
      'catalog-info.yaml': critical('slow').replace('120ms', '450ms'),
    });
    const result = await checkOffline({
      file: [mockDir.resolve('catalog-info.yaml')],
      format: 'github',
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      `::error file=${mockDir.resolve(
        'catalog-info.yaml',
      )},line=8,col=33,title=p95 latency (component%3Adefault/slow)::component:default/slow p95-latency: p95 latency: 450 ms; target for tier critical: < 200 ms`,
    );
  });

  it('fails on the level gap alone when a check the level needs is unknown', async () => {
    mockDir.setContent({
      'catalog-info.yaml': critical('unmeasured', {
        omit: ['governance/p95-latency-slo'],
      }),
    });
    const result = await checkOffline({
      file: [mockDir.resolve('catalog-info.yaml')],
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      'component:default/unmeasured required-level: Below the required level: level silver, tier critical requires gold; 1 check to gold: p95-latency',
    );
    expect(result.stdout).not.toContain('p95-latency: p95 latency:');
    expect(result.stderr).toContain(
      'unknown: p95-latency: No value for fact p95LatencyMs',
    );
  });

  it('checks every governed entity of a multi-document file, malformed annotations included', async () => {
    const result = await checkOffline({
      file: ['multi-document.yaml'],
      fact: [
        'coverage=90',
        'testingKinds=unit,integration',
        'availability=99.99',
        'lastSecurityReview=2026-10-01',
        'p95LatencyMs=100',
      ],
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'component:default/search (core): meets its contract; level gold, tier core requires silver',
      'api:default/search-api (supporting): fails its contract; level gold, tier supporting requires bronze',
      '1 of 2 governed entities fails its tier contract',
      '',
    ]);
    expect(result.stdout).toContain(
      "multi-document.yaml:20 api:default/search-api governance/p95-latency-slo: Invalid annotation governance/p95-latency-slo: 'fast' is not allowed",
    );
  });

  it('takes facts for one entity from --facts, and refuses a fact about an entity not in the file', async () => {
    mockDir.setContent({
      'catalog-info.yaml': critical('payments'),
      'facts.json': JSON.stringify({
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'availability',
            value: 99.5,
          },
        ],
      }),
      'other.json': JSON.stringify([
        { entityRef: 'component:default/ledger', name: 'coverage', value: 1 },
      ]),
    });
    const result = await checkOffline({
      file: [mockDir.resolve('catalog-info.yaml')],
      facts: mockDir.resolve('facts.json'),
    });
    expect(result.stdout).toContain(
      'component:default/payments availability: Availability: 99.5%; target for tier critical: >= 99.95%',
    );
    await expect(
      checkOffline({
        file: [mockDir.resolve('catalog-info.yaml')],
        facts: mockDir.resolve('other.json'),
      }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('component:default/ledger is not in'),
    });
  });

  it.each([
    [
      'coverage',
      '--fact coverage must be written name=value, e.g. --fact coverage=83.2; the facts are availability, p95LatencyMs, coverage, lastSecurityReview, testingKinds',
    ],
    [
      'coverge=80',
      '--fact coverge=80: unknown fact "coverge"; the facts are availability, p95LatencyMs, coverage, lastSecurityReview, testingKinds',
    ],
    [
      'coverage=140',
      '--fact coverage=140: fact coverage is 140, out of range: allowed is 0 to 100',
    ],
    [
      'testingKinds=unit,smoke',
      '--fact testingKinds=unit,smoke: fact testingKinds has',
    ],
  ])(
    'cannot check (exit 2) with --fact %s, naming the fact and what is allowed',
    async (fact, message) => {
      await expect(
        checkOffline({
          file: ['services/payments/catalog-info.yaml'],
          fact: [fact],
        }),
      ).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringContaining(message),
      });
    },
  );

  it('checks a dependency in the same file, and names the ones it cannot check offline', async () => {
    mockDir.setContent({
      'catalog-info.yaml': [
        critical('payments', {
          extra: [
            '  dependsOn:',
            '    - component:ledger',
            '    - resource:default/payments-db',
          ],
        }),
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: ledger',
        '  annotations:',
        '    governance/tier: supporting',
        "    governance/test-coverage: '70'",
        '    governance/testing: unit',
        'spec:',
        '  type: service',
        '  owner: group:default/team',
      ].join('\n'),
    });
    const result = await checkOffline({
      file: [mockDir.resolve('catalog-info.yaml')],
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      'component:default/payments dependencies-meet-tier: Dependencies meet the tier: component:default/ledger (supporting); target for tier critical: depends only on critical',
    );
    expect(result.stderr).toContain(
      'note: Dependencies not checked offline (not in the given files): resource:default/payments-db; run check --entity against the backend to check them',
    );
    expect(result.stderr).toContain(
      'component:default/ledger (supporting): meets its contract',
    );
  });

  it('reads tiers and levels from --config, and checks one entity of the file with --entity', async () => {
    mockDir.setContent({
      'app-config.yaml': [
        'governance:',
        '  levels:',
        '    - { name: tested, checks: [coverage] }',
        '  tiers:',
        '    critical: { requiredLevel: tested }',
        '    core: { requiredLevel: false }',
        '    supporting: { requiredLevel: false }',
      ].join('\n'),
    });
    const result = await checkOffline({
      file: ['multi-document.yaml', 'services/payments/catalog-info.yaml'],
      entity: 'component:default/payments',
      config: [mockDir.resolve('app-config.yaml')],
      fact: ['p95LatencyMs=900'],
    });
    expect(result.stderr.split('\n')[0]).toBe(
      'component:default/payments (critical): fails its contract; level tested, tier critical requires tested',
    );
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('only tells of malformed annotations in warn mode, and takes levels naming checks of backend modules', async () => {
    mockDir.setContent({
      'app-config.yaml': [
        'governance:',
        '  validation: { mode: warn }',
        '  levels:',
        '    - { name: basic, checks: [coverage, api-linted] }',
        '  tiers:',
        '    core: { requiredLevel: basic }',
        '    critical: { requiredLevel: false }',
        '    supporting: { requiredLevel: false }',
      ].join('\n'),
    });
    const result = await checkOffline({
      file: ['multi-document.yaml'],
      config: [mockDir.resolve('app-config.yaml')],
      fact: ['coverage=90'],
    });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(
      "note: Invalid annotation governance/p95-latency-slo: 'fast' is not allowed",
    );
    expect(result.stderr).toContain(
      '(not failing: governance.validation.mode is warn)',
    );
    expect(result.stderr).toContain(
      'component:default/search (core): meets its contract; level basic, tier core requires basic',
    );
  });

  it('cannot check (exit 2) without --entity or --file, or an --entity not in the file', async () => {
    await expect(checkOffline({})).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('Nothing to check: give --entity'),
    });
    await expect(
      checkOffline({
        file: ['services/payments/catalog-info.yaml'],
        entity: 'component:default/search',
      }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message:
        'component:default/search is not in services/payments/catalog-info.yaml; its entities are component:default/payments',
    });
  });

  it('cannot check (exit 2) a missing file or invalid YAML, naming them', async () => {
    mockDir.setContent({ 'broken.yaml': "kind: Component\nname: 'x" });
    const result = await checkOffline({
      file: ['missing.yaml', mockDir.resolve('broken.yaml')],
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('missing.yaml: File not found');
    expect(result.stderr).toContain('Invalid YAML');
  });
});
