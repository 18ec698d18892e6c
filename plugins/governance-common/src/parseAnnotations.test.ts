import fc from 'fast-check';
import { parseGovernanceAnnotations } from './parseAnnotations';

const tierNames = ['critical', 'core', 'supporting'];
const parse = (annotations: Record<string, string>) =>
  parseGovernanceAnnotations(annotations, { tierNames });

describe('parseGovernanceAnnotations', () => {
  it('reads every well-formed governance annotation into typed values', () => {
    const result = parse({
      'governance/tier': 'critical',
      'governance/tech-lead': 'jane.doe',
      'governance/architect': 'user:platform/amir',
      'governance/adr-location': 'docs/adr',
      'governance/availability-slo': '99.95',
      'governance/p95-latency-slo': '1.5s',
      'governance/last-security-review': '2026-09-30',
      'governance/test-coverage': '82.5%',
      'governance/testing': 'unit, integration,load',
      'governance/monitoring': 'https://grafana.example.com/d/payments',
      'governance/runbook': 'https://runbooks.example.com/payments',
    });
    expect(result.problems).toEqual([]);
    expect(result.annotated).toBe(true);
    expect(result.values).toEqual({
      tier: 'critical',
      techLead: 'user:default/jane.doe',
      architect: 'user:platform/amir',
      adrLocation: {
        target: 'docs/adr',
        annotation: 'governance/adr-location',
      },
      availabilitySloPercent: 99.95,
      p95LatencySloMs: 1500,
      lastSecurityReview: '2026-09-30',
      testCoveragePercent: 82.5,
      testing: ['unit', 'integration', 'load'],
      monitoringUrl: 'https://grafana.example.com/d/payments',
      runbookUrl: 'https://runbooks.example.com/payments',
    });
  });

  it('treats an entity without governance annotations as unknown, not as an error', () => {
    const result = parse({ 'backstage.io/techdocs-ref': 'dir:.' });
    expect(result).toEqual({ values: {}, problems: [], annotated: false });
    expect(parseGovernanceAnnotations(undefined, { tierNames })).toEqual({
      values: {},
      problems: [],
      annotated: false,
    });
  });

  it.each([
    [
      'governance/tier',
      'platinum',
      'one of the configured tiers: critical, core, supporting',
    ],
    ['governance/availability-slo', '99.99.9', 'a percentage from 0 to 100'],
    ['governance/availability-slo', '101', 'a percentage from 0 to 100'],
    ['governance/p95-latency-slo', 'fast', 'a positive duration'],
    ['governance/p95-latency-slo', '0ms', 'a positive duration'],
    [
      'governance/last-security-review',
      'last tuesday',
      'a calendar date written YYYY-MM-DD',
    ],
    [
      'governance/last-security-review',
      '2026-02-30',
      'a calendar date written YYYY-MM-DD',
    ],
    ['governance/test-coverage', '-3', 'a percentage from 0 to 100'],
    [
      'governance/testing',
      'unit, smoke',
      'a comma-separated list of unit, integration, load',
    ],
    [
      'governance/tech-lead',
      'Jane Doe <jane@example.com>',
      'an entity ref to a User or Group',
    ],
    [
      'governance/architect',
      'component:default/payments',
      'an entity ref to a User or Group',
    ],
    ['governance/monitoring', 'grafana/payments', 'an absolute http(s) URL'],
    [
      'governance/runbook',
      'ftp://runbooks.example.com/payments',
      'an absolute http(s) URL',
    ],
  ])(
    'reports %s: %s naming the key, the value and what is allowed',
    (key, value, allowed) => {
      const result = parse({ [key]: value });
      expect(result.problems).toHaveLength(1);
      const [problem] = result.problems;
      expect(problem.key).toBe(key);
      expect(problem.value).toBe(value);
      expect(problem.allowed).toContain(allowed);
      expect(problem.message).toContain(key);
      expect(problem.message).toContain(`'${value}'`);
      expect(problem.message).toContain(allowed);
      expect(result.annotated).toBe(true);
    },
  );

  it('reports an unknown governance key, so a typo is not silently ignored', () => {
    const result = parse({ 'governance/teir': 'core' });
    expect(result.problems).toEqual([
      expect.objectContaining({
        key: 'governance/teir',
        message: expect.stringContaining('governance/tier'),
      }),
    ]);
  });

  it('keeps valid values when other keys are malformed', () => {
    const result = parse({
      'governance/tier': 'core',
      'governance/test-coverage': 'lots',
    });
    expect(result.values.tier).toBe('core');
    expect(result.values.testCoveragePercent).toBeUndefined();
    expect(result.problems.map(p => p.key)).toEqual([
      'governance/test-coverage',
    ]);
  });

  it('accepts tiers added in config', () => {
    const result = parseGovernanceAnnotations(
      { 'governance/tier': 'experimental' },
      { tierNames: [...tierNames, 'experimental'] },
    );
    expect(result.values.tier).toBe('experimental');
  });

  it("reads the community ADR plugin's annotation, and prefers governance/adr-location", () => {
    expect(
      parse({
        'backstage.io/adr-location':
          'https://github.com/acme/payments/tree/main/adr',
      }).values.adrLocation,
    ).toEqual({
      target: 'https://github.com/acme/payments/tree/main/adr',
      annotation: 'backstage.io/adr-location',
    });
    expect(
      parse({
        'governance/adr-location': 'docs/adr',
        'backstage.io/adr-location': 'adr',
      }).values.adrLocation,
    ).toEqual({ target: 'docs/adr', annotation: 'governance/adr-location' });
  });

  it('never throws, whatever strings the annotations hold', () => {
    const keys = fc.oneof(
      fc.constantFrom(
        'governance/tier',
        'governance/tech-lead',
        'governance/architect',
        'governance/adr-location',
        'backstage.io/adr-location',
        'governance/availability-slo',
        'governance/p95-latency-slo',
        'governance/last-security-review',
        'governance/test-coverage',
        'governance/testing',
        'governance/monitoring',
        'governance/runbook',
      ),
      fc.string().map(s => `governance/${s}`),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          keys,
          fc.oneof(fc.string(), fc.string({ unit: 'binary' })),
        ),
        annotations => {
          const result = parse(annotations);
          // Every malformed key comes back as a problem naming that key.
          for (const problem of result.problems) {
            expect(annotations).toHaveProperty([problem.key]);
            expect(problem.message).toContain(problem.key);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects values of the wrong type from YAML that bypassed schema validation', () => {
    const result = parseGovernanceAnnotations(
      { 'governance/tier': 5 as unknown as string },
      { tierNames },
    );
    expect(result.problems[0].message).toContain('governance/tier');
  });
});
