import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import {
  parseTechRadar,
  RADAR_RINGS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StackStore, StoredRadar } from '../database/StackStore';

const KEY = 'governance.stack.radar';

/** At most this much radar data is read: a radar is a few hundred entries, not megabytes. */
const MAX_RADAR_BYTES = 2 * 1024 * 1024;

/**
 * Where the approved stack's radar comes from, as read from `governance.stack.radar`.
 *
 * @internal
 */
export type RadarSource =
  // A file is read as a `file:` URL; its type stays apart so users see where the radar came from.
  | { type: 'url' | 'file'; url: string; key: string }
  | { type: 'config'; data: unknown }
  | { type: 'none' };

/**
 * Reads `governance.stack.radar`: `url` (any URL the URL reader may read), `file` (a path on
 * the backend's disk, relative to its working directory, read through the URL reader as a
 * `file:` URL so the local reading allow-list applies) or `entries` (the radar held in config,
 * tech-radar entries or the short form `{ id, title, quadrant, ring }`). Throws naming the key
 * when more than one is set or a value is malformed.
 *
 * @internal
 */
export function readRadarSource(config: Config): RadarSource {
  const radar = config.getOptionalConfig(KEY);
  if (!radar) {
    return { type: 'none' };
  }
  const set = ['url', 'file', 'entries'].filter(k => radar.has(k));
  if (set.length > 1) {
    throw new Error(
      `Invalid config at '${KEY}': set one of url, file or entries, not ${set.join(
        ' and ',
      )}`,
    );
  }
  const url = radar.getOptionalString('url');
  if (url !== undefined) {
    if (!URL.canParse(url)) {
      throw new Error(
        `Invalid config at '${KEY}.url': '${url}' is not an absolute URL; use ${KEY}.file for a path on disk`,
      );
    }
    return { type: 'url', url, key: `${KEY}.url` };
  }
  const file = radar.getOptionalString('file');
  if (file !== undefined) {
    return {
      type: 'file',
      url: pathToFileURL(resolvePath(file)).toString(),
      key: `${KEY}.file`,
    };
  }
  const entries = radar.getOptionalConfigArray('entries');
  if (entries) {
    return {
      type: 'config',
      data: {
        entries: entries.map((entry, index) => {
          const ring = entry.getOptionalString('ring');
          if (ring !== undefined && !RADAR_RINGS.includes(ring as any)) {
            throw new Error(
              `Invalid config at '${KEY}.entries[${index}].ring': '${ring}' is not allowed, expected ${RADAR_RINGS.join(
                ', ',
              )}`,
            );
          }
          const data = entry.get<Record<string, unknown>>();
          // The short form names the ring directly; tech-radar data has a timeline instead.
          return ring
            ? { ...data, timeline: [{ ringId: ring, date: '1970-01-01' }] }
            : data;
        }),
      },
    };
  }
  return { type: 'none' };
}

/**
 * How often the radar is read again, from `governance.stack.radar.frequency` (default hourly).
 *
 * @internal
 */
export function readRadarSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const key = `${KEY}.frequency`;
  const frequency = config.has(key)
    ? readDurationFromConfig(config, { key })
    : { hours: 1 };
  return { frequency, timeout: { minutes: 5 }, initialDelay: { seconds: 5 } };
}

/**
 * The approved stack's radar: read on a schedule (once per tick across replicas) from a URL, a
 * file or config, and stored, so every replica evaluates against the same radar and a radar
 * that cannot be read keeps the last good copy with the reason it failed.
 *
 * @internal
 */
export class StackRadar {
  constructor(
    private readonly deps: {
      source: RadarSource;
      urlReader: UrlReaderService;
      store: Pick<StackStore, 'getRadar' | 'storeRadar' | 'storeRadarError'>;
      logger: LoggerService;
    },
  ) {}

  /** True when a radar is configured at all; without one the check does not run. */
  get configured(): boolean {
    return this.deps.source.type !== 'none';
  }

  /** The radar as last stored. */
  current(): Promise<StoredRadar | undefined> {
    return this.configured
      ? this.deps.store.getRadar()
      : Promise.resolve(undefined);
  }

  /** Reads the radar now and stores it, or stores why it could not be read. Never throws. */
  async refresh(now = new Date()): Promise<StoredRadar | undefined> {
    const { source, store, logger } = this.deps;
    if (source.type === 'none') {
      return undefined;
    }
    try {
      const data =
        source.type === 'config' ? source.data : await this.read(source);
      const { technologies, problems } = parseTechRadar(data);
      await store.storeRadar(
        { source: source.type, technologies, problems },
        now,
      );
      if (problems.length) {
        logger.warn(
          `The approved-stack radar has ${
            problems.length
          } entries it could not place: ${problems.slice(0, 5).join('; ')}`,
        );
      }
    } catch (e) {
      // The message names the config key, never the file path or URL the reader tried: it is
      // shown to every user of the technologies view.
      const where = source.type === 'config' ? `${KEY}.entries` : source.key;
      const error = `The radar at ${where} could not be read: ${describe(e)}`;
      logger.warn(error, source.type === 'config' ? {} : { url: source.url });
      await store.storeRadarError(source.type, error, now);
    }
    return store.getRadar();
  }

  async schedule(
    scheduler: SchedulerService,
    schedule: SchedulerServiceTaskScheduleDefinition,
  ): Promise<void> {
    if (!this.configured) {
      return;
    }
    if (this.deps.source.type === 'config') {
      // Nothing to fetch: stored at start-up, so the first evaluation already has it.
      await this.refresh();
    }
    await scheduler.scheduleTask({
      id: 'governance-read-stack-radar',
      ...schedule,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  private async read(source: { url: string }): Promise<unknown> {
    const response = await this.deps.urlReader.readUrl(source.url);
    const buffer = await response.buffer();
    if (buffer.length > MAX_RADAR_BYTES) {
      throw new Error(
        `the radar is ${buffer.length} bytes, at most ${MAX_RADAR_BYTES} are read`,
      );
    }
    // Tech-radar data is JSON, as the tech-radar plugin's own loaders read it.
    return JSON.parse(buffer.toString('utf8'));
  }
}

/** What went wrong, without the path or URL a reader's message may hold. */
function describe(e: unknown): string {
  const error = e as { name?: string; message?: string };
  switch (error?.name) {
    case 'NotFoundError':
      return 'nothing is there (not found)';
    case 'NotAllowedError':
      return 'reading it is not allowed (add it to backend.reading.allow, or its folder to governance.adrs.allowedLocalDirectories for a file)';
    case 'SyntaxError':
      return 'it is not JSON';
    case 'Error':
      // Our own radar-shape errors; they name fields, never locations.
      return error.message?.startsWith('the radar')
        ? error.message
        : 'the reader failed';
    default:
      return `the reader failed (${error?.name ?? 'unknown error'})`;
  }
}
