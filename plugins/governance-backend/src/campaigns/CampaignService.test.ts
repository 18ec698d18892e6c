import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DateTime } from 'luxon';
import { EscalationRunner } from '../reviews/EscalationRunner';
import { BUILT_IN_REVIEW_KINDS } from '@catalog-governance/backstage-plugin-governance-common';
import {
  campaignBackend,
  checkResult,
  TEAM_A,
  TEAM_B,
} from './__testUtils__/campaignBackend';
import { campaignOverdueTrigger } from './campaignOverdueTrigger';
import { governanceTestDatabases } from '../__testUtils__/testDatabases';

const databases = governanceTestDatabases();

const START = DateTime.fromISO('2027-01-04T09:00:00Z', { zone: 'utc' });
const at = (days: number) => START.plus({ days }).toJSDate();
const day = (days: number) => START.plus({ days }).toISODate()!;
const council = mockCredentials.user('user:default/council-jane');

const PAYMENTS = 'component:default/payments';
const LEDGER = 'component:default/ledger';
const SEARCH = 'component:default/search';
const CHECKOUT = 'component:default/checkout';
const DOCS = 'component:default/docs';

describe.each(databases.eachSupportedId())('campaigns on %s', databaseId => {
  /**
   * Team A owns payments (coverage passes) and ledger (fails); team B owns search (waived)
   * and the critical checkout (fails, outside a core campaign); docs has no coverage check.
   */
  async function backendWithEntities(catalogEntities: Entity[] = []) {
    const backend = await campaignBackend(
      databases,
      databaseId,
      undefined,
      catalogEntities,
    );
    const core = (owner: string) => ({ owner, tier: 'core' });
    await backend.evaluated(PAYMENTS, core(TEAM_A), [
      checkResult('coverage', 'pass'),
      checkResult('availability', 'fail'),
    ]);
    await backend.evaluated(LEDGER, core(TEAM_A), [
      checkResult('coverage', 'fail'),
    ]);
    await backend.evaluated(SEARCH, core(TEAM_B), [
      checkResult('coverage', 'waived'),
    ]);
    await backend.evaluated(CHECKOUT, { owner: TEAM_B, tier: 'critical' }, [
      checkResult('coverage', 'fail'),
    ]);
    await backend.evaluated(DOCS, core(TEAM_B), [
      checkResult('availability', 'pass'),
    ]);
    return backend;
  }

  const coverageCampaign = {
    title: 'Coverage for core services',
    description: 'ADR-12: every core service keeps 75% coverage.',
    link: 'https://adr.example.com/12',
    checks: ['coverage'],
    target: { tiers: ['core'] },
    deadline: day(30),
  };

  it('counts an entity done when each campaign check on its scorecard passes or is waived', async () => {
    const { campaigns } = await backendWithEntities();
    const created = await campaigns.create(
      coverageCampaign,
      council,
      undefined,
      at(0),
    );
    expect(created).toMatchObject({
      state: 'active',
      revision: 1,
      createdBy: 'user:default/council-jane',
      progress: { done: 2, notDone: 1, total: 3 },
    });

    const detail = await campaigns.get(created.id);
    expect(detail.owners).toEqual([
      { owner: TEAM_A, done: 1, notDone: 1 },
      { owner: TEAM_B, done: 1, notDone: 0 },
    ]);
    const notDone = await campaigns.listEntities(
      created.id,
      { done: false, page: 1, pageSize: 25 },
      council,
    );
    expect(notDone).toEqual({
      items: [
        {
          entityRef: LEDGER,
          owner: TEAM_A,
          done: false,
          failingChecks: [{ id: 'coverage', title: 'Test coverage' }],
        },
      ],
      totalCount: 1,
    });
  });

  it('selects by kind, owner and named entities', async () => {
    const { campaigns } = await backendWithEntities();
    const byOwner = await campaigns.create(
      {
        ...coverageCampaign,
        target: { kinds: ['component'], owners: [TEAM_B] },
      },
      council,
      undefined,
      at(0),
    );
    expect(byOwner.progress).toEqual({ done: 1, notDone: 1, total: 2 });
    const named = await campaigns.create(
      { ...coverageCampaign, target: { entityRefs: [CHECKOUT] } },
      council,
      undefined,
      at(0),
    );
    expect(named.progress).toEqual({ done: 0, notDone: 1, total: 1 });
    const otherKind = await campaigns.create(
      { ...coverageCampaign, target: { kinds: ['API'] } },
      council,
      undefined,
      at(0),
    );
    expect(otherKind.progress.total).toBe(0);
  });

  it('refuses unknown checks and a past deadline, naming both', async () => {
    const { campaigns } = await backendWithEntities();
    await expect(
      campaigns.create(
        {
          ...coverageCampaign,
          checks: ['coverage', 'uptime'],
          deadline: day(-1),
        },
        council,
        undefined,
        at(0),
      ),
    ).rejects.toThrow(
      /checks "uptime" is unknown.*deadline 2027-01-03 is in the past; it must be 2027-01-04 or later/,
    );
  });

  it('needs the campaign permission to create', async () => {
    const { campaigns } = await campaignBackend(
      databases,
      databaseId,
      AuthorizeResult.DENY,
    );
    await expect(
      campaigns.create(coverageCampaign, council, undefined, at(0)),
    ).rejects.toThrow('governance.campaign.manage');
  });

  it('refuses an edit based on a stale revision, and closes a campaign', async () => {
    const { campaigns, auditor } = await backendWithEntities();
    const created = await campaigns.create(
      coverageCampaign,
      council,
      undefined,
      at(0),
    );
    const edited = await campaigns.update(
      created.id,
      { revision: 1, title: 'Coverage, round two', link: null },
      council,
      undefined,
      at(1),
    );
    expect(edited).toMatchObject({ title: 'Coverage, round two', revision: 2 });
    expect(edited.link).toBeUndefined();
    await expect(
      campaigns.update(created.id, { revision: 1, state: 'closed' }, council),
    ).rejects.toThrow('it is at revision 2');

    await campaigns.update(
      created.id,
      { revision: 2, state: 'closed' },
      council,
    );
    expect(await campaigns.list('active')).toEqual([]);
    expect((await campaigns.list('closed')).map(c => c.id)).toEqual([
      created.id,
    ]);
    expect(auditor.createEvent.mock.calls.map(([e]) => e.eventId)).toEqual([
      'campaign-create',
      'campaign-update',
      // The refused attempt is recorded too, as failed.
      'campaign-close',
      'campaign-close',
    ]);
  });

  it('records progress per day for the burn-up', async () => {
    const { campaigns, evaluated } = await backendWithEntities();
    const { id } = await campaigns.create(
      coverageCampaign,
      council,
      undefined,
      at(0),
    );
    await campaigns.recordDay(at(0));
    await evaluated(LEDGER, { owner: TEAM_A, tier: 'core' }, [
      checkResult('coverage', 'pass'),
    ]);
    await campaigns.recordDay(at(1));
    // A later run on the same day replaces that day's numbers.
    await campaigns.recordDay(at(1));
    expect((await campaigns.get(id, at(1))).history).toEqual([
      { day: day(0), done: 2, notDone: 1 },
      { day: day(1), done: 3, notDone: 0 },
    ]);
    // Before the job records a day, the burn-up still ends at what stands now.
    await evaluated(LEDGER, { owner: TEAM_A, tier: 'core' }, [
      checkResult('coverage', 'fail'),
    ]);
    expect((await campaigns.get(id, at(2))).history).toEqual([
      { day: day(0), done: 2, notDone: 1 },
      { day: day(1), done: 3, notDone: 0 },
      { day: day(2), done: 2, notDone: 1 },
    ]);
  });

  it('tells each owner once at the start, 14 and 3 days before the deadline, and when done', async () => {
    const { campaigns, evaluated, sent } = await backendWithEntities();
    await campaigns.create(coverageCampaign, council, undefined, at(0));
    const told = () =>
      sent.map(n => [
        (n.recipients as { entityRef: string }).entityRef,
        n.payload.title,
      ]);
    expect(told()).toEqual([
      [TEAM_A, 'Campaign started: Coverage for core services'],
      [TEAM_B, 'Campaign started: Coverage for core services'],
      // Team B's only entity is done (its check is waived) from the start.
      [TEAM_B, 'Campaign done: Coverage for core services'],
    ]);
    sent.length = 0;

    await campaigns.recordDay(at(10));
    expect(told()).toEqual([]);
    await campaigns.recordDay(at(16));
    await campaigns.recordDay(at(17));
    await campaigns.recordDay(at(27));
    await campaigns.recordDay(at(28));
    expect(told()).toEqual([
      [TEAM_A, '14 days left: Coverage for core services'],
      [TEAM_A, '3 days left: Coverage for core services'],
    ]);
    sent.length = 0;

    await evaluated(LEDGER, { owner: TEAM_A, tier: 'core' }, [
      checkResult('coverage', 'pass'),
    ]);
    await campaigns.recordDay(at(29));
    await campaigns.recordDay(at(29));
    expect(told()).toEqual([
      [TEAM_A, 'Campaign done: Coverage for core services'],
    ]);
  });

  it('raises one review item per owner behind once the deadline has passed, once', async () => {
    const { campaigns, reviews, reviewStore, store } =
      await backendWithEntities();
    const { id } = await campaigns.create(
      { ...coverageCampaign, target: {} },
      council,
      undefined,
      at(0),
    );
    const runner = new EscalationRunner({
      reviews,
      kinds: [...BUILT_IN_REVIEW_KINDS],
      logger: mockServices.logger.mock(),
      triggers: [campaignOverdueTrigger({ campaigns })],
    });
    await runner.run(at(30));
    expect((await reviewStore.listItems({ limit: 50 })).items).toEqual([]);

    await runner.run(at(31));
    await runner.run(at(32));
    const { items } = await reviewStore.listItems({ limit: 50 });
    expect(items.map(i => [i.entityRef, i.title, i.origin]).sort()).toEqual([
      [
        TEAM_A,
        'Campaign overdue: Coverage for core services',
        {
          type: 'trigger',
          triggerId: 'campaign-overdue',
          causeKey: `${id}:${TEAM_A}`,
        },
      ],
      [
        TEAM_B,
        'Campaign overdue: Coverage for core services',
        {
          type: 'trigger',
          triggerId: 'campaign-overdue',
          causeKey: `${id}:${TEAM_B}`,
        },
      ],
    ]);
    expect(await store.getCampaign(id)).toMatchObject({ state: 'active' });
  });

  it('lists the campaigns an entity is in, with whether it is done', async () => {
    const { campaigns } = await backendWithEntities();
    const { id } = await campaigns.create(
      coverageCampaign,
      council,
      undefined,
      at(0),
    );
    expect(await campaigns.entityCampaigns(LEDGER, council)).toEqual([
      {
        id,
        title: 'Coverage for core services',
        link: 'https://adr.example.com/12',
        deadline: day(30),
        state: 'active',
        done: false,
      },
    ]);
    expect(await campaigns.entityCampaigns(DOCS, council)).toEqual([]);
  });

  describe('with a catalog filter', () => {
    /** Payments and checkout are production and PCI; ledger is production; search is PCI. */
    const catalogEntities = [
      ['payments', 'production', ['pci']],
      ['ledger', 'production', []],
      ['search', 'experimental', ['pci']],
      ['checkout', 'production', ['pci']],
    ].map(
      ([name, lifecycle, tags]): Entity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: name as string, tags: tags as string[] },
        spec: { lifecycle, owner: 'team-a', type: 'service' },
      }),
    );
    const pciCampaign = {
      ...coverageCampaign,
      target: {
        tiers: ['core'],
        filter: ' spec.lifecycle=production, metadata.tags=pci ',
      },
    };

    it('covers only the entities the catalog returns for the filter, within the other lists', async () => {
      const { campaigns } = await backendWithEntities(catalogEntities);
      const created = await campaigns.create(
        pciCampaign,
        council,
        undefined,
        at(0),
      );
      // Checkout matches the filter but is critical; ledger and search are core but miss it.
      expect(created.target).toEqual({
        tiers: ['core'],
        filter: 'spec.lifecycle=production, metadata.tags=pci',
      });
      expect(created.progress).toEqual({ done: 1, notDone: 0, total: 1 });
      const entities = await campaigns.listEntities(
        created.id,
        { page: 1, pageSize: 25 },
        council,
      );
      expect(entities.items.map(row => row.entityRef)).toEqual([PAYMENTS]);
      expect(
        (await campaigns.entityCampaigns(PAYMENTS, council)).map(c => c.id),
      ).toEqual([created.id]);
      expect(await campaigns.entityCampaigns(LEDGER, council)).toEqual([]);

      // A key alone asks that the field exists; named entities join whatever the filter says.
      const tagged = await campaigns.create(
        {
          ...coverageCampaign,
          target: { filter: 'metadata.tags', entityRefs: [LEDGER] },
        },
        council,
        undefined,
        at(0),
      );
      expect((await campaigns.get(tagged.id)).owners).toEqual([
        { owner: TEAM_A, done: 1, notDone: 1 },
        { owner: TEAM_B, done: 1, notDone: 1 },
      ]);
    });

    it('reads the catalog once per filter and computation, and not at all without one', async () => {
      const { campaigns, catalog } = await backendWithEntities(catalogEntities);
      const reads = jest.spyOn(catalog, 'queryEntities');
      await campaigns.create(coverageCampaign, council, undefined, at(0));
      await campaigns.list('all');
      await campaigns.recordDay(at(0));
      expect(reads).not.toHaveBeenCalled();

      await campaigns.create(pciCampaign, council, undefined, at(0));
      await campaigns.create(pciCampaign, council, undefined, at(0));
      reads.mockClear();
      const listed = await campaigns.list('all');
      expect(listed.map(c => c.progress.total).sort()).toEqual([1, 1, 3]);
      await campaigns.recordDay(at(0));
      await campaigns.entityCampaigns(PAYMENTS, council);
      expect(reads).toHaveBeenCalledTimes(3);
      expect(reads).toHaveBeenCalledWith(
        {
          filter: { 'spec.lifecycle': 'production', 'metadata.tags': 'pci' },
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
          limit: 500,
          totalItems: 'exclude',
        },
        expect.anything(),
      );
    });

    it('refuses a filter the catalog syntax does not allow, naming the condition', async () => {
      const { campaigns } = await backendWithEntities(catalogEntities);
      await expect(
        campaigns.create(
          {
            ...coverageCampaign,
            target: { filter: 'spec.lifecycle=production,metadata.tags=' },
          },
          council,
          undefined,
          at(0),
        ),
      ).rejects.toThrow(
        'Invalid campaign: target.filter condition 2 "metadata.tags=" has no value after =; write conditions joined by commas',
      );
    });
  });
});
