import {
  evaluateApprovedStack,
  indexRadar,
  parseTechRadar,
  placeStack,
  technologiesNamedIn,
} from './stackRadar';

const radarData = {
  quadrants: [{ id: 'data', name: 'Data Management' }],
  rings: [
    { id: 'adopt', name: 'ADOPT', color: '#5BA300' },
    { id: 'use', name: 'Trial', color: '#009EB0' },
    { id: 'assess', name: 'ASSESS', color: '#C7BA00' },
    { id: 'hold', name: 'HOLD', color: '#E09B96' },
  ],
  entries: [
    {
      id: 'postgresql',
      key: 'postgresql',
      title: 'PostgreSQL',
      quadrant: 'data',
      timeline: [{ ringId: 'adopt', date: '2026-01-01', moved: 0 }],
    },
    {
      id: 'mongodb',
      key: 'mongodb',
      title: 'MongoDB',
      quadrant: 'data',
      // The newest snapshot decides, whatever the order.
      timeline: [
        { ringId: 'adopt', date: '2024-01-01' },
        { ringId: 'hold', date: '2026-06-01' },
      ],
    },
    {
      id: 'kafka',
      title: 'Apache Kafka',
      quadrant: 'data',
      timeline: [{ ringId: 'use', date: '2026-01-01' }],
    },
    {
      id: 'cassandra',
      title: 'Cassandra',
      quadrant: 'data',
      timeline: [{ ringId: 'assess', date: '2026-01-01' }],
    },
    { id: 'broken', title: 'Broken', quadrant: 'data', timeline: [] },
  ],
};

describe('the approved-stack radar', () => {
  it('reads tech-radar data, each entry in the ring of its newest snapshot', () => {
    const { technologies, problems } = parseTechRadar(radarData);
    expect(technologies.map(t => [t.name, t.ring, t.quadrant])).toEqual([
      ['postgresql', 'adopt', 'Data Management'],
      ['mongodb', 'hold', 'Data Management'],
      ['kafka', 'trial', 'Data Management'],
      ['cassandra', 'assess', 'Data Management'],
    ]);
    expect(problems).toEqual([
      'Broken has no timeline snapshot in a ring adopt, trial, assess or hold',
    ]);
    expect(indexRadar(technologies).get('apache-kafka')?.name).toBe('kafka');
  });

  it('refuses data that is not a radar, saying what is expected', () => {
    expect(() => parseTechRadar([1, 2])).toThrow(
      'the radar is not tech-radar data: expected an object with an entries list',
    );
  });

  it('fails on hold and on a technology off the radar, naming each and its ring', () => {
    const radar = indexRadar(parseTechRadar(radarData).technologies);
    const result = evaluateApprovedStack({
      technologies: placeStack(
        { datastores: ['postgresql', 'mongodb'], languages: ['cobol'] },
        radar,
        new Set(),
      ),
      measured: false,
      source: 'governance/stack',
    });
    expect(result).toEqual(
      expect.objectContaining({
        checkId: 'approved-stack',
        state: 'fail',
        actual: 'cobol, postgresql (adopt), mongodb (hold)',
        reason:
          'On hold: mongodb; not on the radar and named in no accepted ADR: cobol',
        evidence: 'attested',
      }),
    );
  });

  it('warns on assess, and accepts a technology an accepted ADR names', () => {
    const radar = indexRadar(parseTechRadar(radarData).technologies);
    const cleared = technologiesNamedIn(
      ['ADR 0009: Use CouchDB for the offline cache\nWe accept couchdb.'],
      ['couchdb', 'cobol'],
    );
    expect(cleared).toEqual(new Set(['couchdb']));
    const result = evaluateApprovedStack({
      technologies: placeStack(
        { datastores: ['cassandra', 'couchdb'] },
        radar,
        cleared,
      ),
      measured: true,
      source: 'ci/stack-scan',
    });
    expect(result).toEqual(
      expect.objectContaining({
        state: 'warn',
        reason:
          'Still being assessed: cassandra; accepted in an ADR though not on the radar: couchdb',
        evidence: 'automated',
      }),
    );
  });

  it('does not take a longer name for the technology an ADR names', () => {
    expect(technologiesNamedIn(['We chose go-kit'], ['go'])).toEqual(new Set());
    expect(technologiesNamedIn(['We chose Go.'], ['go'])).toEqual(
      new Set(['go']),
    );
  });
});
