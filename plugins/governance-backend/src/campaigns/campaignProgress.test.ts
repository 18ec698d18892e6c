import { CheckState } from '@catalog-governance/backstage-plugin-governance-common';
import { PlacedEntity } from '../database/CampaignStore';
import { campaignEntities, inTarget, progressOf } from './campaignProgress';

const entity = (name: string, coverage: CheckState): PlacedEntity => ({
  entityRef: `component:default/${name}`,
  owner: 'group:default/team-a',
  tier: 'core',
  results: [
    {
      checkId: 'coverage',
      title: 'Test coverage',
      state: coverage,
      actual: '80%',
      target: '>= 75%',
      factName: 'coverage',
      stale: false,
    },
  ],
});

describe('campaignEntities', () => {
  it('counts a check that passes, warns or is waived as done, and one that fails or is unknown as not', () => {
    const rows = campaignEntities(
      { checks: ['coverage'], target: { tiers: ['core'] } },
      [
        entity('passing', 'pass'),
        entity('warning', 'warn'),
        entity('waived', 'waived'),
        entity('failing', 'fail'),
        entity('unmeasured', 'unknown'),
      ],
    );
    expect(rows.map(r => [r.entityRef.split('/')[1], r.done])).toEqual([
      ['failing', false],
      ['unmeasured', false],
      ['passing', true],
      ['waived', true],
      ['warning', true],
    ]);
    expect(rows[0].failingChecks).toEqual([
      { id: 'coverage', title: 'Test coverage' },
    ]);
    expect(progressOf(rows)).toEqual({ done: 3, notDone: 2, total: 5 });
  });
});

describe('inTarget', () => {
  it('narrows to the refs a catalog filter matched, whatever their case, and adds named ones', () => {
    const matched = new Set(['component:default/payments']);
    const selects = inTarget(
      {
        tiers: ['core'],
        filter: 'metadata.tags=pci',
        entityRefs: ['component:default/ledger'],
      },
      matched,
    );
    expect(selects(entity('Payments', 'pass'))).toBe(true);
    expect(selects(entity('search', 'pass'))).toBe(false);
    expect(selects(entity('ledger', 'pass'))).toBe(true);
    expect(selects({ ...entity('payments', 'pass'), tier: 'critical' })).toBe(
      false,
    );
  });

  it('refuses to guess what a filter matches when the refs were not read', () => {
    expect(() => inTarget({ filter: 'kind=component' })).toThrow(
      'needs the refs the catalog matched',
    );
  });
});
