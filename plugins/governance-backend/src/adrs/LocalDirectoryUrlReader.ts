import {
  createServiceFactory,
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  ReadTreeResponseFactory,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';
import { Config } from '@backstage/config';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
} from '@backstage/errors';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CONFIG_KEY = 'governance.adrs.allowedLocalDirectories';

/**
 * Reads `file:` URLs, for ADR folders that live next to a catalog file read from disk (as in the
 * example app). Backstage's own readers only read over HTTP, so this fills that gap, but only
 * inside the directories named under `governance.adrs.allowedLocalDirectories`: that list is
 * the reading rule for the local disk, as `backend.reading.allow` is for hosts.
 *
 * @internal
 */
export class LocalDirectoryUrlReader implements UrlReaderService {
  static factory: ReaderFactory = ({ config, treeResponseFactory }) => {
    const reader = new LocalDirectoryUrlReader(
      readAllowedDirectories(config),
      treeResponseFactory,
    );
    return [{ reader, predicate: url => url.protocol === 'file:' }];
  };

  constructor(
    private readonly allowed: string[],
    private readonly treeResponseFactory: ReadTreeResponseFactory,
  ) {}

  private realAllowedDirectories?: Promise<string[]>;

  /**
   * The real path of a `file:` URL, when it is inside an allowed directory. Symbolic links are
   * resolved before the check, so a link inside an allowed directory cannot lead out of it.
   */
  private async resolve(url: string): Promise<string> {
    let target: string;
    try {
      target = path.resolve(fileURLToPath(url));
    } catch (e) {
      throw new InputError(`${url} is not a valid file URL: ${e}`);
    }
    const notAllowed = () =>
      new NotAllowedError(
        `Reading ${url} is not allowed: local files are read only inside ${CONFIG_KEY}`,
      );
    // Checked on the path as written too, so nothing outside is even looked at.
    if (!isInside(target, this.allowed)) {
      throw notAllowed();
    }
    const real = await fs.promises.realpath(target).catch(() => undefined);
    if (!real) {
      throw new NotFoundError(`Nothing at ${url}`);
    }
    if (!isInside(real, await this.realAllowed())) {
      throw notAllowed();
    }
    return real;
  }

  /** The allowed directories with their own links resolved (`/tmp` is a link on macOS). */
  private async realAllowed(): Promise<string[]> {
    this.realAllowedDirectories ??= Promise.all(
      this.allowed.map(dir => fs.promises.realpath(dir).catch(() => dir)),
    );
    return this.realAllowedDirectories;
  }

  async readUrl(url: string): Promise<UrlReaderServiceReadUrlResponse> {
    const file = await this.resolve(url);
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (!stat?.isFile()) {
      throw new NotFoundError(`No file at ${url}`);
    }
    const buffer = await fs.promises.readFile(file);
    return {
      buffer: async () => buffer,
      etag: `${stat.size}-${stat.mtimeMs}`,
      lastModifiedAt: stat.mtime,
    };
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const dir = await this.resolve(url);
    const stat = await fs.promises.stat(dir).catch(() => undefined);
    if (!stat?.isDirectory()) {
      throw new NotFoundError(`No directory at ${url}`);
    }
    const files: { relative: string; absolute: string; stat: fs.Stats }[] = [];
    const walk = async (current: string) => {
      for (const entry of await fs.promises.readdir(current, {
        withFileTypes: true,
      })) {
        const absolute = path.join(current, entry.name);
        // Symbolic links are neither, so they are skipped: where they lead was never checked.
        if (entry.isDirectory()) {
          await walk(absolute);
        } else if (entry.isFile()) {
          const relative = path
            .relative(dir, absolute)
            .split(path.sep)
            .join('/');
          const fileStat = await fs.promises.stat(absolute);
          if (
            !options?.filter ||
            options.filter(relative, { size: fileStat.size })
          ) {
            files.push({ relative, absolute, stat: fileStat });
          }
        }
      }
    };
    await walk(dir);
    files.sort((a, b) => a.relative.localeCompare(b.relative));
    // The ETag changes when a file is added, removed, renamed, resized or touched; unchanged
    // folders are then not read again.
    const etag = createHash('sha256')
      .update(
        files
          .map(f => `${f.relative}\0${f.stat.size}\0${f.stat.mtimeMs}`)
          .join('\n'),
      )
      .digest('hex')
      .slice(0, 40);
    if (options?.etag === etag) {
      throw new NotModifiedError();
    }
    const response = await this.treeResponseFactory.fromReadableArray(
      files.map(f => ({
        path: f.relative,
        data: fs.createReadStream(f.absolute),
        lastModifiedAt: f.stat.mtime,
      })),
    );
    return Object.assign(response, { etag });
  }

  async search(url: string): Promise<UrlReaderServiceSearchResponse> {
    throw new InputError(
      `Searching ${url} is not supported for local files; read the folder instead`,
    );
  }

  toString() {
    return `local-directories{allowed=${this.allowed.join(',')}}`;
  }
}

function isInside(target: string, directories: string[]): boolean {
  return directories.some(
    dir => target === dir || target.startsWith(`${dir}${path.sep}`),
  );
}

function readAllowedDirectories(config: Config): string[] {
  return (config.getOptionalStringArray(CONFIG_KEY) ?? []).map(dir =>
    path.resolve(dir),
  );
}

/**
 * Adds the `file:` reader to the backend's `UrlReaderService`, for ADR folders on local disk:
 * `backend.add(governanceLocalDirectoryUrlReader)`.
 *
 * @public
 */
export const governanceLocalDirectoryUrlReader = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return LocalDirectoryUrlReader.factory;
  },
});
