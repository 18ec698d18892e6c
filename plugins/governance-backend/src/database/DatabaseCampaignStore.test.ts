import { CampaignFields } from './CampaignStore';
import { DatabaseCampaignStore } from './DatabaseCampaignStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { JANE } from '../__testUtils__/users';

const TEAM_A = 'group:default/team-a';
const NOW = new Date('2027-01-04T09:00:00.000Z');

const fields = (over: Partial<CampaignFields> = {}): CampaignFields => ({
  title: 'Coverage for core services',
  description: 'ADR-12',
  link: 'https://adr.example.com/12',
  checks: ['coverage', 'availability'],
  target: { tiers: ['core'], owners: [TEAM_A] },
  deadline: '2027-02-01',
  ...over,
});

/** Jane starts a campaign of the default fields, changed by `over`, at NOW. */
const startCampaign = (
  store: DatabaseCampaignStore,
  over?: Partial<CampaignFields>,
) => store.createCampaign(fields(over), JANE, NOW);

describeEachDatabase('campaign storage', ({ migrated }) => {
  async function createStore() {
    const knex = await migrated();
    return {
      store: new DatabaseCampaignStore(knex),
      scorecards: new DatabaseScorecardStore(knex),
    };
  }

  it('keeps what the council set and lists nearest deadline first, by state', async () => {
    const { store } = await createStore();
    const later = await startCampaign(store);
    const sooner = await startCampaign(store, {
      title: 'Runbooks',
      deadline: '2027-01-20',
    });
    expect(later).toEqual({
      id: expect.any(String),
      ...fields(),
      state: 'active',
      createdBy: 'user:default/jane',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      revision: 1,
    });
    expect((await store.listCampaigns('active')).map(c => c.title)).toEqual([
      'Runbooks',
      'Coverage for core services',
    ]);
    await store.updateCampaign(sooner.id, 1, { state: 'closed' }, NOW);
    expect((await store.listCampaigns('active')).map(c => c.id)).toEqual([
      later.id,
    ]);
    expect((await store.listCampaigns('closed')).map(c => c.id)).toEqual([
      sooner.id,
    ]);
    expect(await store.listCampaigns('all')).toHaveLength(2);
  });

  it('applies an edit only at the revision it was based on', async () => {
    const { store } = await createStore();
    const { id } = await startCampaign(store);
    const edited = await store.updateCampaign(
      id,
      1,
      { title: 'Coverage', link: null, checks: ['coverage'], target: {} },
      new Date('2027-01-05T00:00:00.000Z'),
    );
    expect(edited).toMatchObject({
      title: 'Coverage',
      checks: ['coverage'],
      target: {},
      revision: 2,
      updatedAt: '2027-01-05T00:00:00.000Z',
    });
    expect(edited?.link).toBeUndefined();
    expect(await store.updateCampaign(id, 1, { title: 'Lost' }, NOW)).toBe(
      undefined,
    );
    expect((await store.getCampaign(id))?.title).toBe('Coverage');
    expect(await store.getCampaign('no-such-campaign')).toBeUndefined();
  });

  it('reads each evaluated entity with its placement and current results', async () => {
    const { store, scorecards } = await createStore();
    const result = {
      checkId: 'coverage',
      title: 'Test coverage',
      state: 'fail' as const,
      target: '>= 75%',
      factName: 'coverage',
      stale: false,
    };
    const evaluations = [
      {
        entityRef: 'component:default/ledger',
        placement: {
          owner: TEAM_A,
          system: 'system:default/money',
          domain: 'domain:default/finance',
          tier: 'core',
        },
        results: [result],
      },
      {
        entityRef: 'component:default/orphan',
        placement: { tier: 'supporting' },
        results: [{ ...result, state: 'pass' as const }],
      },
    ];
    await scorecards.storeEvaluations(evaluations, NOW);
    // Each entity comes back with its placement beside its results, and nothing else.
    expect(await store.listPlacedEntities()).toEqual(
      evaluations.map(({ entityRef, placement, results }) => ({
        entityRef,
        ...placement,
        results,
      })),
    );
    expect(
      (await store.listPlacedEntities(['component:default/orphan'])).map(
        e => e.entityRef,
      ),
    ).toEqual(['component:default/orphan']);
    // A campaign's target picks entities by placement; the others' results are not read.
    expect(
      await store.listPlacedEntities(undefined, e => e.tier === 'core'),
    ).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/ledger',
        results: [result],
      }),
    ]);
  });

  it("replaces a day's progress and sums the owners per day", async () => {
    const { store } = await createStore();
    const { id } = await startCampaign(store);
    await store.recordProgress(id, '2027-01-04', [
      { owner: TEAM_A, done: 1, notDone: 3 },
    ]);
    await store.recordProgress(id, '2027-01-05', [
      { owner: TEAM_A, done: 1, notDone: 3 },
      { owner: '', done: 0, notDone: 1 },
    ]);
    await store.recordProgress(id, '2027-01-05', [
      { owner: TEAM_A, done: 2, notDone: 2 },
      { owner: '', done: 1, notDone: 0 },
    ]);
    expect(await store.getProgressHistory(id)).toEqual([
      { day: '2027-01-04', done: 1, notDone: 3 },
      { day: '2027-01-05', done: 3, notDone: 2 },
    ]);
  });

  it('lets one caller claim each notification', async () => {
    const { store } = await createStore();
    const { id } = await startCampaign(store);
    const claims = await Promise.all([
      store.claimNotification(id, TEAM_A, 'started', NOW),
      store.claimNotification(id, TEAM_A, 'started', NOW),
    ]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await store.claimNotification(id, TEAM_A, '3-days', NOW)).toBe(true);
    expect(await store.claimNotification(id, TEAM_A, 'started', NOW)).toBe(
      false,
    );
    // A daily run reads these once instead of claiming every owner's notice again.
    expect(
      (await store.listClaimedNotifications(id)).sort((a, b) =>
        a.occasion.localeCompare(b.occasion),
      ),
    ).toEqual([
      { owner: TEAM_A, occasion: '3-days' },
      { owner: TEAM_A, occasion: 'started' },
    ]);
  });
});
