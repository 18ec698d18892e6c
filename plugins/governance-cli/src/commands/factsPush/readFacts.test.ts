import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { buildFacts, parseFactArgument } from './readFacts';

describe('parseFactArgument', () => {
  it.each([
    ['coverage=83.2', 'coverage', 83.2],
    ['p95LatencyMs=180', 'p95LatencyMs', 180],
    ['errorBudgetBurn=-1.5e2', 'errorBudgetBurn', -150],
    ['onCall=true', 'onCall', true],
    ['onCall=false', 'onCall', false],
    ['testingKinds=["unit","load"]', 'testingKinds', ['unit', 'load']],
    ['testingKinds=unit, integration', 'testingKinds', ['unit', 'integration']],
    ['lastSecurityReview=2026-10-15', 'lastSecurityReview', '2026-10-15'],
    ['note=a=b', 'note', 'a=b'],
  ])('reads %s as a typed value', (argument, name, value) => {
    expect(parseFactArgument(argument)).toEqual({ name, value });
  });

  it.each([
    ['coverage', '--fact coverage must be written name=value'],
    ['=80', '--fact =80 must be written name=value'],
    ['testingKinds=[unit', '--fact testingKinds=[unit is not valid JSON'],
  ])('refuses %s with exit code 2', (argument, message) => {
    expect(() => parseFactArgument(argument)).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringContaining(message),
      }),
    );
  });
});

describe('buildFacts', () => {
  it('gives every --fact the entity, source and observation time of the flags', () => {
    expect(
      buildFacts({
        entity: 'component:default/payments',
        facts: ['coverage=83.2', 'p95LatencyMs=180'],
        source: 'ci/github-actions',
        observedAt: '2026-11-25T10:00:00Z',
      }),
    ).toEqual([
      {
        entityRef: 'component:default/payments',
        name: 'coverage',
        value: 83.2,
        source: 'ci/github-actions',
        observedAt: '2026-11-25T10:00:00Z',
      },
      {
        entityRef: 'component:default/payments',
        name: 'p95LatencyMs',
        value: 180,
        source: 'ci/github-actions',
        observedAt: '2026-11-25T10:00:00Z',
      },
    ]);
  });

  it('leaves the observation time to the backend (now) when --observed-at is not given', () => {
    const [fact] = buildFacts({
      entity: 'component:default/payments',
      facts: ['coverage=80'],
      source: 'ci',
    });
    expect(fact).not.toHaveProperty('observedAt');
  });

  it('fills what the items of --file leave out from the flags, and keeps what they set', () => {
    const content = JSON.parse(
      readFileSync(
        resolvePath(__dirname, '../../__fixtures__/facts.json'),
        'utf8',
      ),
    );
    expect(
      buildFacts({
        entity: 'component:default/payments',
        facts: [],
        file: { name: 'facts.json', content },
        source: 'ci/gitlab',
      }),
    ).toEqual([
      {
        entityRef: 'component:default/payments',
        name: 'coverage',
        value: 91.5,
        source: 'ci/gitlab',
      },
      {
        entityRef: 'component:default/payments',
        name: 'testingKinds',
        value: ['unit', 'integration'],
        source: 'ci/gitlab',
      },
      {
        entityRef: 'component:default/payments',
        name: 'p95LatencyMs',
        value: 240,
        source: 'monitoring/prometheus',
      },
    ]);
  });

  it('keeps the observation time an item of --file sets', () => {
    const [fact] = buildFacts({
      entity: 'component:default/payments',
      source: 'ci',
      observedAt: '2026-11-25T10:00:00Z',
      facts: [],
      file: {
        name: 'facts.json',
        content: [
          { name: 'coverage', value: 1, observedAt: '2026-11-24T08:00:00Z' },
        ],
      },
    });
    expect(fact.observedAt).toBe('2026-11-24T08:00:00Z');
  });

  it('accepts a plain array in --file', () => {
    expect(
      buildFacts({
        facts: [],
        file: {
          name: 'facts.json',
          content: [
            {
              entityRef: 'component:default/a',
              name: 'coverage',
              value: 1,
              source: 's',
            },
          ],
        },
      }),
    ).toHaveLength(1);
  });

  it.each([
    [
      { facts: ['coverage=80'], source: 'ci' },
      '--fact needs --entity, e.g. --entity component:default/payments',
    ],
    [{ facts: ['coverage=80'] }, '--fact needs --entity and --source'],
    [
      {
        facts: [],
        file: {
          name: 'facts.json',
          content: { facts: [{ name: 'coverage', value: 1 }] },
        },
        source: 'ci',
      },
      'facts.json: facts[0] has no entityRef and --entity is not set',
    ],
    [
      {
        facts: [],
        file: { name: 'facts.json', content: { coverage: 80 } },
      },
      'facts.json must hold { "facts": [ ... ] } or an array of facts',
    ],
    [
      {
        entity: 'component:default/a',
        source: 'ci',
        facts: ['coverage=80'],
        observedAt: 'yesterday',
      },
      '--observed-at yesterday is not an ISO 8601 date or timestamp',
    ],
    [
      {
        entity: 'component:default/a',
        source: 'ci',
        facts: ['coverage=80'],
        observedAt: '2026-02-30T10:00:00Z',
      },
      '--observed-at 2026-02-30T10:00:00Z is not an ISO 8601 date or timestamp',
    ],
    [{ facts: [] }, 'Nothing to push'],
  ])('cannot run (exit code 2) for %j', (options, message) => {
    expect(() => buildFacts(options)).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringContaining(message),
      }),
    );
  });
});
