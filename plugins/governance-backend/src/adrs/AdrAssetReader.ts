import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { findControlCharacter } from '@catalog-governance/backstage-plugin-governance-common';

/** The images served next to an ADR, by file extension. */
const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};
const MAX_PATH_LENGTH = 1024;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// A query or fragment would be cut off by URL parsing after the extension was checked, and a
// backslash is a slash to URL parsing; none of them belongs in a relative file path.
const NOT_IN_A_PATH = /[?#\\\t\n\r]/;
const EXAMPLE = 'such as images/diagram.png';

/**
 * An image path relative to an ADR, resolved: its segments inside the ADR's folder (`.` and `..`
 * already applied) and its content type.
 *
 * @internal
 */
export interface AdrAssetPath {
  segments: string[];
  type: string;
}

/**
 * Resolves the `path` an ADR's Markdown gives for an image, before anything is checked: the
 * target must stay inside the ADR's own folder and be an image. The segments are taken
 * literally (a `%` is a `%`), so no later URL parsing can turn them into something else.
 *
 * @internal
 */
export function resolveAdrAssetPath(path: string | undefined): AdrAssetPath {
  if (!path) {
    throw new InputError(
      `Query parameter 'path' is required: a path relative to the ADR, ${EXAMPLE}`,
    );
  }
  if (path.length > MAX_PATH_LENGTH) {
    throw new InputError(
      `Query parameter 'path' is too long: at most ${MAX_PATH_LENGTH} characters`,
    );
  }
  if (NOT_IN_A_PATH.test(path) || findControlCharacter(path)) {
    throw new InputError(
      `Query parameter 'path' must not contain a query (?), a fragment (#), a backslash or control characters; expected a path relative to the ADR with / between folders, ${EXAMPLE}`,
    );
  }
  if (URL_SCHEME.test(path) || path.startsWith('/')) {
    throw new InputError(
      `Query parameter 'path' must be a path relative to the ADR, ${EXAMPLE}`,
    );
  }
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') {
      if (segments.pop() === undefined) {
        throw new InputError(
          `Query parameter 'path' leads out of the ADR's folder; only images in the ADR's folder and below are served`,
        );
      }
    } else if (segment !== '' && segment !== '.') {
      segments.push(segment);
    }
  }
  const name = path.endsWith('/') ? '' : segments[segments.length - 1] ?? '';
  const extension = name.includes('.')
    ? name.slice(name.lastIndexOf('.') + 1).toLowerCase()
    : '';
  const type = IMAGE_TYPES[extension];
  if (!type) {
    throw new InputError(
      `Query parameter 'path' must name an image: only images are served next to an ADR (${Object.keys(
        IMAGE_TYPES,
      ).join(', ')})`,
    );
  }
  return { segments, type };
}

/**
 * Reads the images next to ADRs, with the same `UrlReaderService` and reading rules as the ADRs
 * themselves. Why a read failed is logged; the caller gets a plain reason, since the reader's
 * message can name server paths and settings.
 *
 * @internal
 */
export class AdrAssetReader {
  constructor(
    private readonly deps: {
      urlReader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
      logger: LoggerService;
    },
  ) {}

  async read(
    adr: { id: string; url: string },
    path: string | undefined,
  ): Promise<{ type: string; buffer: Buffer }> {
    const { segments, type } = resolveAdrAssetPath(path);
    const shown = segments.join('/');
    const url = this.urlOf(adr.url, segments);
    try {
      const response = await this.deps.urlReader.readUrl(url);
      return { type, buffer: await response.buffer() };
    } catch (e) {
      const error = e as Error;
      this.deps.logger.warn(
        `Could not read the image ${shown} of ADR ${adr.id} at ${url}: ${error}`,
      );
      switch (error.name) {
        case 'NotFoundError':
          throw new NotFoundError(`No image ${shown} next to the ADR`);
        case 'NotAllowedError':
          throw new NotAllowedError(
            `The image ${shown} may not be read under the backend's reading rules`,
          );
        default:
          throw new ServiceUnavailableError(
            `The image ${shown} could not be read; the backend's log has the reason`,
          );
      }
    }
  }

  /** The image's URL in the ADR's folder, checked to be there. */
  private urlOf(adrUrl: string, segments: string[]): string {
    const resolve = (relative: string) =>
      adrUrl.startsWith('file:')
        ? new URL(relative, adrUrl).toString()
        : this.deps.integrations.resolveUrl({ url: relative, base: adrUrl });
    const url = resolve(`./${segments.map(encodeURIComponent).join('/')}`);
    // Holds by construction (no segment is `..`, and each is encoded); checked so that it stays
    // so. The folder is resolved the same way, as integrations rewrite URLs (GitHub's blob/ to
    // tree/); those that carry the file path in the query (Azure DevOps) pass trivially.
    const folder = new URL(resolve('./'));
    const target = new URL(url);
    if (
      target.origin !== folder.origin ||
      !target.pathname.startsWith(folder.pathname)
    ) {
      throw new InputError(
        `Query parameter 'path' leads out of the ADR's folder; only images in the ADR's folder and below are served`,
      );
    }
    return url;
  }
}
