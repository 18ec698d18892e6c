import { CheckState } from '@catalog-governance/backstage-plugin-governance-common';
import { PlacedEntity } from '../database/CampaignStore';
import { campaignEntities, progressOf } from './campaignProgress';

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
