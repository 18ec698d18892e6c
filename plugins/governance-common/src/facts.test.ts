import { ConfigReader } from '@backstage/config';
import { declaredFacts, readFactDefinitions, validateFactValue } from './facts';

const definitions = readFactDefinitions(new ConfigReader({}));
const def = (name: string) => definitions.get(name)!;

describe('facts', () => {
  it.each([
    ['coverage', 83.2],
    ['p95LatencyMs', 180],
    ['availability', 99.99],
    ['lastSecurityReview', '2026-10-15'],
    ['testingKinds', ['unit', 'load']],
  ])('accepts a well-formed %s', (name, value) => {
    expect(validateFactValue(def(name), value)).toEqual({ ok: true, value });
  });

  it.each([
    ['coverage', 'high', 'must be a finite number'],
    ['coverage', 120, 'out of range: allowed is 0 to 100'],
    ['p95LatencyMs', -1, 'out of range'],
    ['lastSecurityReview', '2026-02-30', 'YYYY-MM-DD'],
    [
      'testingKinds',
      ['unit', 'smoke'],
      '"smoke", allowed are unit, integration, load',
    ],
    ['testingKinds', 'unit', 'must be a list of strings'],
  ])('rejects %s = %j naming the problem', (name, value, message) => {
    const result = validateFactValue(def(name), value);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining(message),
    });
  });

  it('adds custom facts and overrides staleness windows from config', () => {
    const configured = readFactDefinitions(
      new ConfigReader({
        governance: {
          facts: {
            coverage: { staleAfterDays: 3 },
            errorBudgetBurn: {
              type: 'number',
              unit: '%',
              min: 0,
              description: 'Burn rate',
            },
          },
        },
      }),
    );
    expect(configured.get('coverage')?.staleAfterDays).toBe(3);
    expect(configured.get('errorBudgetBurn')).toMatchObject({
      type: 'number',
      unit: '%',
      staleAfterDays: 30,
    });
  });

  it.each([
    [{ newFact: { unit: '%' } }, "'governance.facts.newFact.type'"],
    [
      { coverage: { type: 'boolean' } },
      'the built-in fact coverage is a number',
    ],
    [
      { coverage: { staleAfterDays: 0 } },
      "'governance.facts.coverage.staleAfterDays'",
    ],
    [{ 'bad name': { type: 'number' } }, "'governance.facts.bad name'"],
  ])('fails start-up on invalid fact config %j', (facts, message) => {
    expect(() =>
      readFactDefinitions(new ConfigReader({ governance: { facts } })),
    ).toThrow(message);
  });

  it('turns declared annotation values into declared observations', () => {
    expect(
      declaredFacts({ testCoveragePercent: 80, testing: ['unit'] }).map(f => [
        f.name,
        f.value,
        f.origin,
        f.source,
      ]),
    ).toEqual([
      ['coverage', 80, 'declared', 'governance/test-coverage'],
      ['testingKinds', ['unit'], 'declared', 'governance/testing'],
    ]);
  });
});
