import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { governancePlugin } from '../plugin';
import { governanceLocalDirectoryUrlReader } from './LocalDirectoryUrlReader';
import { adrLocationEntity } from './__testUtils__/adrLocationEntity';

const adr = (status: string, date: string, extra = '') =>
  `---\nstatus: ${status}\ndate: ${date}\n${extra}---\n\n# Decision\n`;

const dir = createMockDirectory({
  content: {
    'checkout/0001-server-rendering.md': adr('accepted', '2026-01-05'),
    'checkout/0002-css-in-js.md': adr(
      'superseded by [ADR-0003](0003-css-modules.md)',
      '2026-02-01',
    ),
    'checkout/0003-css-modules.md': adr(
      'superseded by [ADR-0004](0004-tailwind.md)',
      '2026-03-01',
    ),
    'checkout/0004-tailwind.md': adr('accepted', '2026-04-01'),
    'checkout/0005-graphql.md': adr(
      'superseded by [ADR-0009](0009-rest.md)',
      '2026-04-02',
    ),
    'checkout/0006-proposal.md': adr('proposed', '2026-05-01'),
    'shop/0001-one-checkout.md': adr('accepted', '2025-11-01'),
    'commerce/0001-event-sourcing.md': adr('accepted', '2025-06-01'),
    'secret/0001-hidden.md': adr('accepted', '2025-06-01'),
  },
});

const entity = (
  kind: string,
  name: string,
  folder: string,
  spec: Record<string, string> = {},
) => adrLocationEntity(dir, kind, name, folder, spec);

const entities = [
  entity('Component', 'checkout-web', 'checkout', {
    type: 'website',
    lifecycle: 'production',
    system: 'shop',
  }),
  entity('System', 'shop', 'shop', { domain: 'commerce' }),
  entity('Domain', 'commerce', 'commerce'),
  entity('System', 'secret', 'secret'),
];

const JANE = mockCredentials.user('user:default/jane');
// A user who may not read the domain: its decisions are not theirs to see.
const GUEST = mockCredentials.user('user:default/guest');

async function start() {
  const registry = actionsRegistryServiceMock();
  const catalog = catalogServiceMock({ entities });
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  jest
    .spyOn(catalog, 'getEntityByRef')
    .mockImplementation(async (ref, options) =>
      (options as any)?.credentials?.principal?.userEntityRef ===
        'user:default/guest' && String(ref).startsWith('domain:')
        ? undefined
        : getEntityByRef(ref, options as any),
    );
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      mockServices.rootConfig.factory({
        data: { governance: { adrs: { allowedLocalDirectories: [dir.path] } } },
      }),
      urlReaderServiceFactory,
      governanceLocalDirectoryUrlReader,
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ],
  });
  // Each location is read on its first view.
  for (const ref of [
    'component:default/checkout-web',
    'system:default/shop',
    'domain:default/commerce',
  ]) {
    await request(server)
      .get(`/api/governance/adrs?entityRef=${ref}`)
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
  }
  return registry;
}

describe('decision graph actions', () => {
  it("lists the accepted decisions that govern an entity: its own, its system's and its domain's", async () => {
    const registry = await start();
    const { output } = await registry.invoke({
      id: 'test:list-governing-decisions',
      input: { entityRef: 'component:default/checkout-web' },
      credentials: JANE,
    });
    expect(output).toEqual({
      entityRef: 'component:default/checkout-web',
      decisions: [
        expect.objectContaining({
          via: 'entity',
          number: 1,
          status: 'accepted',
          date: '2026-01-05',
        }),
        expect.objectContaining({ via: 'entity', number: 4 }),
        expect.objectContaining({
          via: 'system',
          entityRef: 'system:default/shop',
          date: '2025-11-01',
        }),
        expect.objectContaining({
          via: 'domain',
          entityRef: 'domain:default/commerce',
        }),
      ],
    });

    const guest = await registry.invoke({
      id: 'test:list-governing-decisions',
      input: { entityRef: 'component:default/checkout-web' },
      credentials: GUEST,
    });
    expect(
      (guest.output as { decisions: { via: string }[] }).decisions.map(
        d => d.via,
      ),
    ).toEqual(['entity', 'entity', 'system']);
  });

  it('follows what superseded an ADR to the decision in force, and says when a successor is missing', async () => {
    const registry = await start();
    const { output } = await registry.invoke({
      id: 'test:get-adr-successors',
      input: { entityRef: 'component:default/checkout-web', number: 2 },
      credentials: JANE,
    });
    expect(output).toMatchObject({
      adr: { number: 2, status: 'superseded' },
      successors: [
        { number: 3, status: 'superseded' },
        { number: 4, status: 'accepted', date: '2026-04-01' },
      ],
      end: 'current',
    });

    const missing = await registry.invoke({
      id: 'test:get-adr-successors',
      input: { entityRef: 'component:default/checkout-web', number: 5 },
      credentials: JANE,
    });
    expect(missing.output).toMatchObject({
      successors: [],
      end: 'not-found',
      missing: '0009-rest.md',
    });
  });

  it('refuses an ADR named neither by id nor by entity and number, and one the caller cannot see', async () => {
    const registry = await start();
    await expect(
      registry.invoke({
        id: 'test:get-adr-successors',
        input: { number: 2 },
        credentials: JANE,
      }),
    ).rejects.toThrow('Name the ADR by adrId, or by entityRef and number');
    await expect(
      registry.invoke({
        id: 'test:get-adr-successors',
        input: { entityRef: 'domain:default/commerce', number: 1 },
        credentials: GUEST,
      }),
    ).rejects.toThrow('No such ADR, or you may not read its entity');
    await expect(
      registry.invoke({
        id: 'test:list-governing-decisions',
        input: { entityRef: 'domain:default/commerce' },
        credentials: GUEST,
      }),
    ).rejects.toThrow('No entity domain:default/commerce in the catalog');
  });
});
