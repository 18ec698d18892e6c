import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { AdrAssetReader, resolveAdrAssetPath } from './AdrAssetReader';

describe('resolveAdrAssetPath', () => {
  it('applies . and .. before checking that the image stays in the ADR folder', () => {
    expect(resolveAdrAssetPath('./a/../images/./Flow.PNG')).toEqual({
      segments: ['images', 'Flow.PNG'],
      type: 'image/png',
    });
    expect(() => resolveAdrAssetPath('images/../../x.png')).toThrow(
      "Query parameter 'path' leads out of the ADR's folder",
    );
  });

  it.each(['x\u0000.png', 'x\n.png', 'x\u007f.png'])(
    'refuses control characters (%j)',
    path => {
      expect(() => resolveAdrAssetPath(path)).toThrow(/control characters/);
    },
  );

  it('refuses a path longer than any real one', () => {
    expect(() => resolveAdrAssetPath(`${'a/'.repeat(600)}x.png`)).toThrow(
      'at most 1024 characters',
    );
  });
});

describe('AdrAssetReader', () => {
  function setup(error?: Error) {
    const urlReader = mockServices.urlReader.mock({
      readUrl: async url => {
        if (error) {
          throw error;
        }
        return { buffer: async () => Buffer.from(url) };
      },
    });
    const logger = mockServices.logger.mock();
    const reader = new AdrAssetReader({
      urlReader,
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
      logger,
    });
    return { reader, logger };
  }

  const adr = {
    id: 'a1',
    url: 'https://github.com/acme/shop/blob/main/docs/adr/0001-first.md',
  };

  it('reads an image in the ADR folder of a repository, each segment encoded', async () => {
    const { reader } = setup();
    const { buffer, type } = await reader.read(adr, 'images/%2e%2e/a b.png');
    expect(type).toBe('image/png');
    expect(buffer.toString()).toBe(
      'https://github.com/acme/shop/tree/main/docs/adr/images/%252e%252e/a%20b.png',
    );
  });

  it('logs why a read failed and answers with the image path alone', async () => {
    const { reader, logger } = setup(
      new NotFoundError('No file at file:///srv/backstage/secret/x.png'),
    );
    await expect(reader.read(adr, 'x.png')).rejects.toThrow(
      /^No image x\.png next to the ADR$/,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('file:///srv/backstage/secret/x.png'),
    );
  });

  it('answers 503 without the reason when the host fails', async () => {
    const { reader } = setup(new Error('connect ECONNREFUSED 10.0.0.7:443'));
    await expect(reader.read(adr, 'x.png')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        "The image x.png could not be read; the backend's log has the reason",
    });
  });
});
