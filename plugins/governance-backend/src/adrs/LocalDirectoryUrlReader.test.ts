import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LocalDirectoryUrlReader } from './LocalDirectoryUrlReader';

describe('LocalDirectoryUrlReader', () => {
  const outside = createMockDirectory({
    content: { 'secret.txt': 'outside', 'etc/passwd': 'root:x:0:0' },
  });
  const root = createMockDirectory();

  function reader(): UrlReaderService {
    return UrlReaders.create({
      config: new ConfigReader({
        governance: {
          adrs: { allowedLocalDirectories: [root.resolve('allowed')] },
        },
      }),
      logger: mockServices.logger.mock(),
      factories: [LocalDirectoryUrlReader.factory],
    });
  }

  const url = (relative: string) =>
    pathToFileURL(root.resolve(relative)).toString();

  /** The files a tree read of the ADR folder returns, by their path in it. */
  const adrFolderPaths = async () =>
    (await (await reader().readTree(url('allowed/adrs/'))).files()).map(
      f => f.path,
    );

  /** The ADR folder's own files, by their path in it: what a tree read of it returns. */
  const ADR_FOLDER_FILES = ['0001-first.md', 'images/flow.png'];

  beforeEach(() => {
    root.setContent({
      'allowed/adrs/0001-first.md': '# 1. First\n',
      'allowed/adrs/images/flow.png': 'png',
      'allowed/other.md': 'inside, outside the ADR folder',
    });
  });

  it('reads files and folders inside the allowed directories', async () => {
    const file = await reader().readUrl(url('allowed/adrs/0001-first.md'));
    expect((await file.buffer()).toString()).toBe('# 1. First\n');
    expect(await adrFolderPaths()).toEqual(ADR_FOLDER_FILES);
  });

  it('refuses a file reached through a symbolic link that leads out of the allowed directories', async () => {
    fs.symlinkSync(
      outside.resolve('secret.txt'),
      root.resolve('allowed/adrs/images/secret.png'),
    );
    await expect(
      reader().readUrl(url('allowed/adrs/images/secret.png')),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('refuses a folder reached through a symbolic link that leads out of the allowed directories', async () => {
    fs.symlinkSync(outside.resolve('etc'), root.resolve('allowed/etc'), 'dir');
    await expect(
      reader().readUrl(url('allowed/etc/passwd')),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    await expect(reader().readTree(url('allowed/etc/'))).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
  });

  it('leaves out links inside a folder it reads', async () => {
    fs.symlinkSync(
      outside.resolve('secret.txt'),
      root.resolve('allowed/adrs/0002-secret.md'),
    );
    expect(await adrFolderPaths()).toEqual(ADR_FOLDER_FILES);
  });

  it('follows a link that stays inside the allowed directories', async () => {
    fs.symlinkSync(
      root.resolve('allowed/adrs/images/flow.png'),
      root.resolve('allowed/adrs/images/alias.png'),
    );
    const file = await reader().readUrl(url('allowed/adrs/images/alias.png'));
    expect((await file.buffer()).toString()).toBe('png');
  });

  it('names the setting but not the allowed directories when it refuses', async () => {
    const error = await reader()
      .readUrl(url('elsewhere.md'))
      .catch(e => e);
    expect(error.name).toBe('NotAllowedError');
    expect(error.message).toContain('governance.adrs.allowedLocalDirectories');
    expect(error.message).not.toContain(root.resolve('allowed'));
  });
});
