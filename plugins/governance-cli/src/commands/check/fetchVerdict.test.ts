import {
  DEFAULT_TIER_POLICIES,
  EntityGovernanceSummary,
} from '@catalog-governance/backstage-plugin-governance-common';
import { failingCoverage } from '../../__testUtils__/checkResults';
import {
  backstageError,
  startBackendPerTest,
} from '../../__testUtils__/startBackend';
import { check } from './check';

const summary: EntityGovernanceSummary = {
  entityRef: 'component:default/payments',
  annotated: true,
  // The backend answers with the tier's policy: here the default critical tier.
  tier: DEFAULT_TIER_POLICIES.find(tier => tier.name === 'critical')!,
  declared: { tier: 'critical' },
  ownership: { owner: 'group:default/payments-team' },
  decisionScope: { status: 'unknown', reason: 'no group' },
  problems: [],
  validationMode: 'error',
  scorecard: {
    evaluatedAt: '2026-12-06T10:00:00Z',
    results: [
      failingCoverage,
      {
        checkId: 'p95-latency',
        title: 'p95 latency',
        target: '< 200 ms',
        factName: 'p95LatencyMs',
        state: 'waived',
        actual: '250 ms',
        stale: false,
        reason: 'Waived (was fail) until 2027-01-31: cache lands in January',
      },
    ],
  },
  level: {
    current: 'silver',
    required: 'gold',
    meetsRequired: false,
    next: { name: 'gold', title: 'Gold', failingChecks: ['coverage'] },
    levels: [
      { name: 'bronze', title: 'Bronze' },
      { name: 'silver', title: 'Silver' },
      { name: 'gold', title: 'Gold' },
    ],
  },
};

describe('governance-cli check --entity (online)', () => {
  const startBackend = startBackendPerTest();

  it('asks the summary with the token, fails on the unwaived failing check and the level gap, and not on the waived one', async () => {
    const backend = await startBackend({ status: 200, body: summary });
    const result = await check({
      entity: 'component:default/payments',
      url: backend.baseUrl,
      token: 'secret',
    });
    expect(backend.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/api/governance/summary?entityRef=component%3Adefault%2Fpayments',
        headers: expect.objectContaining({ authorization: 'Bearer secret' }),
      }),
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'component:default/payments coverage: Test coverage: 70%; target for tier critical: >= 85%',
      'component:default/payments required-level: Below the required level: level silver, tier critical requires gold; 1 check to gold: coverage',
      '',
    ]);
    expect(result.stderr).toContain(
      'waived: p95-latency: Waived (was fail) until 2027-01-31: cache lands in January',
    );
  });

  it('passes an entity at its required level with nothing failing', async () => {
    const backend = await startBackend({
      status: 200,
      body: {
        ...summary,
        scorecard: {
          ...summary.scorecard,
          results: summary.scorecard!.results.slice(1),
        },
        level: {
          ...summary.level,
          current: 'gold',
          meetsRequired: true,
          next: null,
        },
      },
    });
    const result = await check({
      entity: 'component:default/payments',
      url: backend.baseUrl,
      token: 't',
    });
    expect(result).toMatchObject({ exitCode: 0, stdout: '' });
    expect(result.stderr).toContain(
      'component:default/payments (critical): meets its contract; level gold, tier critical requires gold',
    );
  });

  it('cannot check (exit 2) an entity the catalog does not have, with the backend message and a hint', async () => {
    const backend = await startBackend({
      status: 404,
      body: backstageError(
        'NotFoundError',
        'No entity component:default/nope in the catalog',
        404,
      ),
    });
    await expect(
      check({
        entity: 'component:default/nope',
        url: backend.baseUrl,
        token: 't',
      }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(
        /^The governance backend could not check component:default\/nope: 404 Not Found: No entity component:default\/nope in the catalog\nCheck the entity ref/,
      ),
    });
  });

  it('cannot check (exit 2) without a backend URL, or with offline-only flags', async () => {
    await expect(
      check({ entity: 'component:default/payments', token: 't' }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('No backend URL'),
    });
    await expect(
      check({
        entity: 'component:default/payments',
        url: 'http://localhost:7007',
        token: 't',
        fact: ['coverage=90'],
      }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining(
        '--fact only apply offline, with --file catalog-info.yaml',
      ),
    });
  });
});
