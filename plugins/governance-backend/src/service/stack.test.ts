import {
  governanceApi,
  pushPaymentsFact,
  startGovernanceTestBackend,
  withGraceAndJane,
} from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';
import {
  catalogHidingFrom,
  catalogReadPermission,
} from '../__testUtils__/visibleCatalog';
import { JANE } from '../__testUtils__/users';

jest.setTimeout(60_000);

const VAULT = 'component:default/vault';

const radar = {
  entries: [
    { id: 'go', title: 'Go', quadrant: 'languages', ring: 'adopt' },
    {
      id: 'postgresql',
      title: 'PostgreSQL',
      quadrant: 'datastores',
      ring: 'adopt',
    },
    { id: 'mongodb', title: 'MongoDB', quadrant: 'datastores', ring: 'hold' },
    {
      id: 'kafka',
      title: 'Apache Kafka',
      quadrant: 'messaging',
      ring: 'trial',
    },
  ],
};

async function start(config: object = { governance: { stack: { radar } } }) {
  const server = await startGovernanceTestBackend({
    catalog: catalogHidingFrom(JANE, VAULT, [
      tieredComponent('payments', 'core', 'team-a', {
        'governance/stack': 'languages: go; datastores: postgresql, mongodb',
      }),
      tieredComponent('vault', 'core', 'team-a', {
        'governance/stack': 'languages: go; datastores: couchdb',
      }),
    ]),
    permission: catalogReadPermission({ conditional: JANE }).factory,
    config,
  });
  // Pushing a fact evaluates the entity, and with it the approved-stack check.
  await pushPaymentsFact(server).expect(201);
  await pushPaymentsFact(server, { entityRef: VAULT }).expect(201);
  return withGraceAndJane(server);
}

describe('GET /stack/technologies', () => {
  it('lists each technology with its ring and how many visible entities use it, hold first', async () => {
    const { grace, jane } = await start();
    const all = await grace.get('/stack/technologies').expect(200);
    expect(all.body.radar).toEqual({
      configured: true,
      source: 'config',
      readAt: expect.any(String),
      problems: [],
    });
    expect(
      all.body.items.map((i: any) => [
        i.technology,
        i.ring ?? null,
        i.entities,
      ]),
    ).toEqual([
      ['mongodb', 'hold', 1],
      ['couchdb', null, 1],
      ['kafka', 'trial', 0],
      ['go', 'adopt', 2],
      ['postgresql', 'adopt', 1],
    ]);
    expect(all.body.items[1]).toEqual({
      technology: 'couchdb',
      title: 'couchdb',
      onRadar: false,
      categories: ['datastores'],
      entities: 1,
      clearedByAdr: 0,
    });

    // Jane cannot see the vault in the catalog: its technologies are not counted for her.
    const asJane = await jane.get('/stack/technologies').expect(200);
    expect(
      asJane.body.items.map((i: any) => [i.technology, i.entities]),
    ).toEqual([
      ['mongodb', 1],
      ['kafka', 0],
      ['go', 1],
      ['postgresql', 1],
    ]);
  });

  it('shows approved-stack on the entity, failing with the hold technology named', async () => {
    const { grace } = await start();
    const scorecard = await grace
      .get('/summary?entityRef=component:default/payments')
      .expect(200);
    expect(
      scorecard.body.scorecard.results.find(
        (r: any) => r.checkId === 'approved-stack',
      ),
    ).toEqual(
      expect.objectContaining({
        state: 'fail',
        actual: 'go (adopt), postgresql (adopt), mongodb (hold)',
        reason: 'On hold: mongodb',
      }),
    );
  });

  it('says the stack is not configured when there is no radar, and needs a signed-in caller', async () => {
    const { grace } = await start({});
    expect((await grace.get('/stack/technologies').expect(200)).body).toEqual({
      radar: { configured: false, problems: [] },
      items: [],
    });
    const anonymous = await startGovernanceTestBackend({ anonymous: true });
    await governanceApi(anonymous, '').get('/stack/technologies').expect(401);
  });
});
