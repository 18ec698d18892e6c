import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { CatalogClient } from '@backstage/catalog-client';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  isConnectionReset,
  retryingCatalogReads,
} from './retryingCatalogReads';

const credentials = mockCredentials.service();
const page = {
  items: [{ apiVersion: 'v1', kind: 'System', metadata: { name: 'payments' } }],
  totalItems: 1,
  pageInfo: {},
};

/**
 * A catalog over real HTTP whose first `drops` requests lose their connection before any
 * answer, as a keep-alive socket the server has just closed does; later ones get `status`.
 */
async function flakyCatalog(options: { drops: number; status?: number }) {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    if (requests <= options.drops) {
      req.socket.destroy();
      return;
    }
    res.writeHead(options.status ?? 200, {
      'content-type': 'application/json',
    });
    res.end(JSON.stringify(options.status ? { error: {} } : page));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The same client the catalog service uses, so the errors are the ones it throws.
  const client = new CatalogClient({
    discoveryApi: { getBaseUrl: async () => `http://127.0.0.1:${port}` },
  });
  const catalog = catalogServiceMock();
  catalog.queryEntities = request => client.queryEntities(request);
  catalog.refreshEntity = ref => client.refreshEntity(ref);
  const logger = mockServices.logger.mock();
  return {
    catalog: retryingCatalogReads(catalog, logger),
    logger,
    requests: () => requests,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

describe('retryingCatalogReads', () => {
  it('reads a page again when the connection drops before the catalog answers', async () => {
    const flaky = await flakyCatalog({ drops: 2 });
    try {
      const answer = await flaky.catalog.queryEntities(
        { filter: { kind: 'system' } },
        { credentials },
      );
      expect(answer.items.map(e => e.metadata.name)).toEqual(['payments']);
      expect(flaky.requests()).toBe(3);
      expect(flaky.logger.warn).toHaveBeenCalledTimes(2);
      expect(flaky.logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'Catalog read queryEntities lost its connection',
        ),
      );
    } finally {
      await flaky.close();
    }
  });

  it('gives up after two more tries and reports the dropped connection', async () => {
    const flaky = await flakyCatalog({ drops: 10 });
    try {
      const read = flaky.catalog.queryEntities({}, { credentials });
      await expect(read).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(flaky.requests()).toBe(3);
    } finally {
      await flaky.close();
    }
  });

  it('never asks again when the catalog answered, even with a server error', async () => {
    const flaky = await flakyCatalog({ drops: 0, status: 503 });
    try {
      await expect(
        flaky.catalog.queryEntities({}, { credentials }),
      ).rejects.toThrow(/503/);
      expect(flaky.requests()).toBe(1);
      expect(flaky.logger.warn).not.toHaveBeenCalled();
    } finally {
      await flaky.close();
    }
  });

  it('never repeats a write whose connection dropped', async () => {
    const flaky = await flakyCatalog({ drops: 1 });
    try {
      await expect(
        flaky.catalog.refreshEntity('component:default/payments', {
          credentials,
        }),
      ).rejects.toThrow();
      expect(flaky.requests()).toBe(1);
    } finally {
      await flaky.close();
    }
  });

  it.each([
    [
      'a reset socket',
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      true,
    ],
    [
      'a write to a closed socket',
      Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }),
      true,
    ],
    [
      'a reset under a fetch failure',
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('read ECONNRESET'), {
          code: 'ECONNRESET',
        }),
      }),
      true,
    ],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), {
        code: 'ECONNREFUSED',
      }),
      false,
    ],
    ['a thrown string', 'ECONNRESET', false],
  ])('tells %s apart', (_name, error, reset) => {
    expect(isConnectionReset(error)).toBe(reset);
  });
});
