import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readCatalogPages } from './readGovernedEntities';

const services = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${i}`,
      annotations: { 'governance/tier': 'critical' },
    },
    spec: { owner: 'team-a' },
  }));

async function pagesOf(count: number, pageSize: number) {
  const catalog = catalogServiceMock({ entities: services(count) });
  const queryEntities = jest.spyOn(catalog, 'queryEntities');
  const pages: string[][] = [];
  for await (const page of readCatalogPages({
    catalog,
    credentials: mockCredentials.service(),
    filter: { kind: 'component' },
    fields: ['kind', 'metadata.name'],
    pageSize,
  })) {
    pages.push(page.map(entity => entity.metadata.name));
  }
  return { pages, requests: queryEntities.mock.calls.map(([r]) => r) };
}

describe('readCatalogPages', () => {
  it('hands out pages of the size asked for, every entity once', async () => {
    const { pages, requests } = await pagesOf(2500, 1000);
    expect(pages.map(page => page.length)).toEqual([1000, 1000, 500]);
    expect(pages.flat()).toEqual(services(2500).map(e => e.metadata.name));
    expect(requests).toHaveLength(3);
  });

  it('puts a large page together from smaller catalog requests, each naming the fields', async () => {
    const { pages, requests } = await pagesOf(6000, 5000);
    expect(pages.map(page => page.length)).toEqual([5000, 1000]);
    expect(new Set(pages.flat()).size).toBe(6000);
    expect(requests.length).toBeGreaterThan(2);
    for (const request of requests) {
      expect(request).toMatchObject({
        limit: 2500,
        fields: ['kind', 'metadata.name'],
      });
    }
  });

  it('never hands out a page larger than asked for when the size is no multiple of a request', async () => {
    const { pages, requests } = await pagesOf(9000, 4000);
    expect(pages.map(page => page.length)).toEqual([4000, 4000, 1000]);
    expect(new Set(pages.flat()).size).toBe(9000);
    expect(requests.map(request => request?.limit)).toEqual([
      2500, 1500, 2500, 1500, 2500,
    ]);
  });

  it('hands out one empty page when nothing matches', async () => {
    const { pages, requests } = await pagesOf(0, 500);
    expect(pages).toEqual([[]]);
    expect(requests).toHaveLength(1);
  });
});
