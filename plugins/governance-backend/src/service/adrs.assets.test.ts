import { createMockDirectory } from '@backstage/backend-test-utils';
import { AdrDetail } from '@catalog-governance/backstage-plugin-governance-common';
import fs from 'node:fs';
import {
  adrExamples,
  startAdrBackend,
  startLocalAdrBackend,
  getAsUser,
  adrsOf,
} from '../__testUtils__/adrBackend';

describe('ADR images and files', () => {
  it('serves images next to an ADR with the reading rules, and nothing else', async () => {
    const server = await startAdrBackend();
    const { items } = await adrsOf(server, 'checkout-web');
    const asset = (path: string) =>
      getAsUser(server, `/adrs/${items[1].id}/assets`).query({ path });
    for (const path of [
      'images/request-flow.svg',
      './images/request-flow.svg',
      'images//request-flow.svg',
      'images/../images/request-flow.svg',
    ]) {
      const image = await asset(path);
      expect(image.status).toBe(200);
      expect(image.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(image.headers['content-security-policy']).toContain('sandbox');
    }

    const notAnImage = await asset('0001-record-architecture-decisions.md');
    expect(notAnImage.status).toBe(400);
    expect(notAnImage.body.error.message).toBe(
      "Query parameter 'path' must name an image: only images are served next to an ADR (png, jpg, jpeg, gif, webp, svg)",
    );
  });

  it.each([
    ['a query after the extension', '../../entities.yaml?.png', /a query/],
    [
      'a fragment after the extension',
      '../../entities.yaml#.png',
      /a fragment/,
    ],
    ['percent-encoded dots', '%2e%2e/%2e%2e/entities.yaml?.png', /a query/],
    ['backslashes', '..\\..\\entities.yaml', /a backslash/],
    ['a UNC path', '\\\\127.0.0.1:7007\\x.png', /a backslash/],
    ['a parent folder', '../../entities.png', /leads out of the ADR's folder/],
    ['a parent folder inside the path', 'images/../../x.png', /leads out/],
    ['a sibling ADR folder', '../payments-api/x.png', /leads out/],
    ['an absolute path', '/etc/passwd.png', /relative to the ADR/],
    ['a URL', 'file:///etc/passwd.png', /relative to the ADR/],
    ['a folder', 'images/', /must name an image/],
  ])(
    'answers 400 naming the parameter to an image path with %s, before reading anything',
    async (_, path, reason) => {
      const server = await startAdrBackend();
      const { items } = await adrsOf(server, 'checkout-web');
      const res = await getAsUser(server, `/adrs/${items[1].id}/assets`).query({
        path,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(/^Query parameter 'path' /);
      expect(res.body.error.message).toMatch(reason);
      expect(JSON.stringify(res.body)).not.toContain(adrExamples);
      expect(res.body.error.stack).toBeUndefined();
    },
  );

  it('takes percent signs in an image path literally, and says a missing image is missing without server paths', async () => {
    const server = await startAdrBackend();
    const { items } = await adrsOf(server, 'checkout-web');
    for (const path of ['%2e%2e/%2e%2e/x.png', 'images/missing.png']) {
      const res = await getAsUser(server, `/adrs/${items[1].id}/assets`).query({
        path,
      });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(`No image ${path} next to the ADR`);
      expect(JSON.stringify(res.body)).not.toContain(adrExamples);
    }
  });

  it('lists an ADR file over governance.adrs.maxFileSize by its name, with a warning instead of its body', async () => {
    const root = createMockDirectory({
      content: {
        'docs/adr/0001-small.md': '# 1. Small\n\n* Status: accepted\n',
        'docs/adr/0002-huge.md': `# 2. Huge\n\n${'!['.repeat(1024)}`,
      },
    });
    const server = await startLocalAdrBackend(
      root,
      { docs: 'docs/adr' },
      { maxFileSize: 2048 },
    );
    const { items } = await adrsOf(server, 'docs');
    expect(items.map(a => [a.number, a.title, a.warnings])).toEqual([
      [1, 'Small', []],
      [
        2,
        '0002-huge.md',
        [
          'the file is larger than 2048 bytes (governance.adrs.maxFileSize), so it is listed by its name only',
        ],
      ],
    ]);
    const huge = (await getAsUser(server, `/adrs/${items[1].id}`))
      .body as AdrDetail;
    expect(huge.body).toBe('');
  });

  describe('with links on the local disk', () => {
    const outside = createMockDirectory({
      content: {
        'secret.txt': 'root:x:0:0',
        'adrs/0001-leak.md': '# 1. Leak\n',
      },
    });
    const root = createMockDirectory();

    async function startLinkedBackend() {
      root.setContent({
        'catalog-info.yaml': 'kind: Component',
        'docs/adr/0001-first.md': '# 1. First\n\n* Status: accepted\n',
        'docs/adr/images/flow.png': 'png',
      });
      fs.symlinkSync(
        outside.resolve('secret.txt'),
        root.resolve('docs/adr/images/secret.png'),
      );
      fs.symlinkSync(outside.resolve('adrs'), root.resolve('linked'), 'dir');
      return startLocalAdrBackend(root, { docs: 'docs/adr', linked: 'linked' });
    }

    it('refuses an image that is a link leading out of the allowed directories', async () => {
      const server = await startLinkedBackend();
      const { items } = await adrsOf(server, 'docs');
      const image = await getAsUser(
        server,
        `/adrs/${items[0].id}/assets`,
      ).query({
        path: 'images/flow.png',
      });
      expect(image.status).toBe(200);
      const res = await getAsUser(server, `/adrs/${items[0].id}/assets`).query({
        path: 'images/secret.png',
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        "The image images/secret.png may not be read under the backend's reading rules",
      );
      expect(JSON.stringify(res.body)).not.toContain(root.path);
    });

    it('does not read an ADR folder that is a link leading out of the allowed directories', async () => {
      const server = await startLinkedBackend();
      const adrs = await adrsOf(server, 'linked');
      expect(adrs.location).toMatchObject({ status: 'error' });
      expect(adrs.items).toEqual([]);
    });
  });
});
