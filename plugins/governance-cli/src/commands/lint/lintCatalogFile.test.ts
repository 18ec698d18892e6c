import { parseGovernanceAnnotations } from '@catalog-governance/backstage-plugin-governance-common';
import { lintCatalogFile } from './lintCatalogFile';

const tierNames = ['critical', 'core', 'supporting'];

/** Lints `content` (a string, or its lines) as `catalog-info.yaml`. */
const lintText = (content: string | string[]) =>
  lintCatalogFile({
    file: 'catalog-info.yaml',
    content: typeof content === 'string' ? content : content.join('\n'),
    tierNames,
  });

/** The lines of a component named `name` whose annotations are `annotations`, as written. */
const component = (annotations: string[], name = 'a') => [
  'kind: Component',
  'metadata:',
  `  name: ${name}`,
  '  annotations:',
  ...annotations.map(annotation => `    ${annotation}`),
];

describe('lintCatalogFile', () => {
  it('points at the line and column of each malformed value', () => {
    const result = lintText([
      'apiVersion: backstage.io/v1alpha1',
      ...component(
        ['governance/tier: core', 'governance/runbook:    not a url'],
        'payments',
      ),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 7,
        column: 28,
        entityRef: 'component:default/payments',
        key: 'governance/runbook',
        value: 'not a url',
        problem: 'invalid value',
        allowed: expect.stringContaining('an absolute http(s) URL'),
      }),
    ]);
  });

  it('reports the same sentence the catalog reports for the same annotation', () => {
    const [problem] = lintText(component(['governance/tier: gold'])).problems;
    const catalog = parseGovernanceAnnotations(
      { 'governance/tier': 'gold' },
      { tierNames },
    );
    expect(problem.message).toBe(catalog.problems[0].message);
  });

  it('tells to quote a value YAML reads as a number or boolean', () => {
    const { problems } = lintText(
      component([
        'governance/availability-slo: 99.90',
        'governance/test-coverage: true',
        'governance/p95-latency-slo:',
      ]),
    );
    expect(problems.map(p => [p.key, p.line, p.problem, p.allowed])).toEqual([
      [
        'governance/availability-slo',
        5,
        'a YAML number, annotations must be quoted strings',
        "the quoted value '99.90'",
      ],
      [
        'governance/test-coverage',
        6,
        'a YAML boolean, annotations must be quoted strings',
        'a percentage from 0 to 100, such as 82.5',
      ],
      [
        'governance/p95-latency-slo',
        7,
        'no value, annotations must be strings',
        expect.stringContaining('a positive duration'),
      ],
    ]);
  });

  it('names a typo in a governance key as an unknown key', () => {
    const { problems } = lintText(component(['governance/teir: core']));
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'governance/teir',
        ruleId: 'unknown-governance-annotation',
        problem: 'unknown governance annotation key',
      }),
    ]);
  });

  it('ignores other annotations, documents without governance annotations, and non-entities', () => {
    const result = lintText([
      ...component(['backstage.io/techdocs-ref: dir:.']),
      '---',
      'kind: Group',
      'metadata:',
      '  name: team',
      '---',
      '- just a list',
      '---',
    ]);
    expect(result).toEqual({ problems: [], errors: [], entities: 2 });
  });

  it('reports invalid YAML with its position instead of linting the file', () => {
    const result = lintText(
      component(['governance/tier: gold', 'governance/tier: core']),
    );
    expect(result.problems).toEqual([]);
    expect(result.errors).toEqual([
      {
        file: 'catalog-info.yaml',
        line: 6,
        column: 5,
        message: 'Invalid YAML: Map keys must be unique',
      },
    ]);
  });

  it('accepts an empty file', () => {
    expect(lintText('')).toEqual({ problems: [], errors: [], entities: 0 });
  });
});
