import { ConfigReader } from '@backstage/config';
import {
  evaluateScorecard,
  FactObservation,
  readFactDefinitions,
  readTierPolicies,
  ScorecardCheck,
  tierChecks,
} from '@catalog-governance/backstage-plugin-governance-common';
import { EntityInputs, EvaluationInputs } from './EvaluationInputs';

const factDefinitions = readFactDefinitions(new ConfigReader({}));
const core = readTierPolicies(new ConfigReader({})).get('core')!;
const coreChecks = tierChecks(core, { warnMarginPercent: 5 });
const customCheck: ScorecardCheck = {
  id: 'error-budget',
  title: 'Error budget',
  factName: 'coverage',
  target: 'left',
  evaluate: () => ({ state: 'pass', actual: 'left' }),
};
const NOW = new Date('2026-12-06T12:00:00Z');

function inputsFor(
  facts: FactObservation[],
  extra: Partial<EntityInputs> = {},
): EntityInputs {
  return {
    tier: 'core',
    annotations: { 'governance/tier': 'core' },
    placement: { owner: 'group:default/team-payments' },
    facts,
    waivers: [],
    ...extra,
  };
}

const engineInputs = (checks: ScorecardCheck[] = coreChecks) =>
  new EvaluationInputs({
    checksByTier: new Map([['core', checks]]),
    factDefinitions,
    config: { warnMarginPercent: 5 },
  });

const measuredCoverage: FactObservation = {
  name: 'coverage',
  value: 90,
  origin: 'measured',
  source: 'ci',
  observedAt: NOW.toISOString(),
};

const review = (day: string): FactObservation => ({
  name: 'lastSecurityReview',
  value: day,
  origin: 'declared',
  source: 'governance/last-security-review',
});
const stateAt = (facts: FactObservation[], now: Date, checkId: string) =>
  evaluateScorecard({ checks: coreChecks, facts, factDefinitions, now }).find(
    r => r.checkId === checkId,
  )!;

describe('EvaluationInputs', () => {
  it('hashes the same inputs the same, whatever order they were read in', () => {
    const inputs = engineInputs();
    const a = measuredCoverage;
    const b: FactObservation = { ...a, name: 'availability', value: 99.95 };
    expect(
      inputs.hash(
        inputsFor([a, b], {
          annotations: { x: '1', 'governance/tier': 'core' },
        }),
      ),
    ).toBe(
      inputs.hash(
        inputsFor([b, a], {
          annotations: { 'governance/tier': 'core', x: '1' },
        }),
      ),
    );
    expect(inputs.hash(inputsFor([a]))).not.toBe(
      inputs.hash(inputsFor([{ ...a, value: 91 }])),
    );
  });

  it('keeps the hashes stored by earlier passes, so an upgrade re-evaluates nothing unchanged', () => {
    const inputs = engineInputs();
    const coverage = measuredCoverage;
    // Hashed by the code that stored hashes before each entity's hash continued a copy of its
    // tier's configuration hash; one instance hashes many entities without mixing them up.
    for (let i = 0; i < 2; i++) {
      expect(inputs.hash(inputsFor([coverage]))).toBe(
        '4ba9d65248c5d2c96ac3ff8b4303c9f62b37e3d7d3ba24c0fd956c503f45a131',
      );
      expect(inputs.hash(inputsFor([]))).toBe(
        '3253435bb5e2bfdcb9518ed74e927d320432c45662bd0a68c39d5fcab5600d3f',
      );
    }
    expect(inputs.hash(inputsFor([], { tier: 'unknown' }))).toBe(
      '16b2c582cd8d7e31f38e5af588be0e1575fbcf40251ca0dd8336bffec310d242',
    );
  });

  it('expires at the first moment the security review changes state, asking the check itself', () => {
    const facts = [review('2026-10-01')];
    const until = engineInputs().validUntil(inputsFor(facts), NOW)!;
    const before = new Date(until.getTime() - 1);
    expect(stateAt(facts, before, 'security-review').state).toBe('pass');
    expect(stateAt(facts, until, 'security-review').state).toBe('warn');

    // From warn, the next change is to fail, the day after it falls due.
    const next = engineInputs().validUntil(inputsFor(facts), until)!;
    expect(next.toISOString()).toBe('2027-04-02T00:00:00.000Z');
    expect(stateAt(facts, next, 'security-review').state).toBe('fail');
    // Once failing, time changes nothing more.
    expect(engineInputs().validUntil(inputsFor(facts), next)).toBeUndefined();
  });

  it('expires the millisecond a measured fact outlives its staleness window', () => {
    const facts = [measuredCoverage];
    const until = engineInputs().validUntil(inputsFor(facts), NOW)!;
    expect(until.toISOString()).toBe('2027-01-05T12:00:00.001Z');
    expect(
      stateAt(facts, new Date(until.getTime() - 1), 'coverage').stale,
    ).toBe(false);
    expect(stateAt(facts, until, 'coverage').stale).toBe(true);
  });

  it('expires when the first active waiver does, ignoring revoked and expired ones', () => {
    const waiver = {
      id: 'w1',
      entityRef: 'component:default/payments',
      checkId: 'coverage',
      reason: 'r',
      createdBy: 'user:default/council',
      createdAt: NOW.toISOString(),
    };
    expect(
      engineInputs()
        .validUntil(
          inputsFor([], {
            waivers: [
              { ...waiver, expiresAt: '2027-01-01T00:00:00.000Z' },
              {
                ...waiver,
                id: 'w2',
                expiresAt: '2026-12-20T00:00:00.000Z',
                revokedAt: NOW.toISOString(),
                revokedBy: 'user:default/council',
              },
              { ...waiver, id: 'w3', expiresAt: '2026-12-01T00:00:00.000Z' },
            ],
          }),
          NOW,
        )
        ?.toISOString(),
    ).toBe('2027-01-01T00:00:00.000Z');
  });

  it('has nothing expire with time when no verdict depends on it', () => {
    expect(engineInputs().validUntil(inputsFor([]), NOW)).toBeUndefined();
  });

  it('re-evaluates a custom check, which may read the time, at the next UTC midnight', () => {
    const facts: FactObservation[] = [
      {
        name: 'coverage',
        value: 90,
        origin: 'declared',
        source: 'governance/test-coverage',
      },
    ];
    expect(
      engineInputs([customCheck])
        .validUntil(inputsFor(facts), NOW)
        ?.toISOString(),
    ).toBe('2026-12-07T00:00:00.000Z');
  });
});
