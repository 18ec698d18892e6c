import { LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The catalog reads that answer with one promise: asking again cannot change the catalog, and
 * the whole answer comes back or nothing does. Streams are left alone (a retry would repeat
 * the pages already handed out), and so is every write.
 */
const IDEMPOTENT_READS = new Set<string | symbol>([
  'getEntities',
  'getEntitiesByRefs',
  'queryEntities',
  'getEntityAncestors',
  'getEntityByRef',
  'getEntityFacets',
  'getLocations',
  'queryLocations',
  'getLocationById',
  'getLocationByRef',
  'getLocationByEntity',
]);

/** Tries after the first: enough for a stale keep-alive socket or two, never a retry storm. */
const RETRIES = 2;

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/**
 * Whether the request died with its connection, before any answer: the client reused a
 * keep-alive socket the catalog had just closed (both sides time idle sockets out at 5 s).
 * node-fetch puts the code on the error, undici on its cause. An answer, even a 5xx, is never
 * one of these.
 */
export function isConnectionReset(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as NodeJS.ErrnoException).code;
    if (
      (code && RESET_CODES.has(code)) ||
      e.message.includes('socket hang up')
    ) {
      return true;
    }
  }
  return false;
}

async function retryingOnReset<T>(
  read: () => Promise<T>,
  method: string,
  logger: LoggerService,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= RETRIES || !isConnectionReset(error)) {
        throw error;
      }
      logger.warn(
        `Catalog read ${method} lost its connection (${error}); asking again`,
      );
    }
  }
}

/**
 * The catalog with its idempotent reads asked again when the connection drops under them, so
 * a scheduled pass does not fail on a stale socket and wait for its next run. Everything else
 * goes to `catalog` unchanged.
 *
 * @internal
 */
export function retryingCatalogReads(
  catalog: CatalogService,
  logger: LoggerService,
): CatalogService {
  // A proxy rather than a class: the catalog service has twenty methods and only the reads
  // change; every call still runs on the original object, whose private fields it needs.
  return new Proxy(catalog, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') {
        return value;
      }
      if (!IDEMPOTENT_READS.has(property)) {
        return value.bind(target);
      }
      return (...args: unknown[]) =>
        retryingOnReset(
          () => value.apply(target, args),
          String(property),
          logger,
        );
    },
  });
}
