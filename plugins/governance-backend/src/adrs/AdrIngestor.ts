import {
  AuthService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GovernanceAdrParser } from '@catalog-governance/backstage-plugin-governance-node';
import {
  AdrPolicy,
  COMMUNITY_ADR_LOCATION_ANNOTATION,
  GOVERNANCE_ANNOTATIONS,
  parseAdr,
  ParsedAdr,
} from '@catalog-governance/backstage-plugin-governance-common';
import { createHash } from 'node:crypto';
import { AdrStore, StoredAdr } from '../database/AdrStore';
import { ReviewStore } from '../database/ReviewStore';
import { specRef } from '../catalog/specRef';
import { readCatalogPages } from '../catalog/readGovernedEntities';
import { AdrParsers } from './AdrParsers';
import { resolveAdrLocation } from './resolveAdrLocation';
import { scheduledJob } from '../scheduledJob';

const PAGE_SIZE = 200;

/**
 * What ingestion reads of an entity: its ref, its annotations (the ADR location and the source
 * location a relative one is resolved against) and the owner and system stored with its ADRs.
 */
const ADR_ENTITY_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.annotations',
  'spec.owner',
  'spec.system',
];

/** The stable id of an ADR: its entity and path, hashed to fit a URL. */
export function adrId(entityRef: string, path: string): string {
  return createHash('sha256')
    .update(`${entityRef}\n${path}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Why a location could not be read, in plain words for everyone who can see the entity. The
 * reader's own message can name paths on the backend's disk and reading settings, so it goes to
 * the log instead.
 */
function describeReadError(error: Error): string {
  switch (error.name) {
    case 'NotFoundError':
      return 'Not found: the location does not exist, or Backstage cannot see it';
    case 'NotAllowedError':
      return "Not allowed: the backend's reading rules (backend.reading.allow, and governance.adrs.allowedLocalDirectories for folders on its disk) do not allow reading this location";
    default:
      if (
        /no .*reader|not configured|unsupported|integration/i.test(
          error.message,
        )
      ) {
        return 'No integration can read this location: configure one under integrations (or backend.reading.allow) in app-config';
      }
      return "Could not read the location; the backend's log has the details";
  }
}

/**
 * Reads ADRs from the entities' ADR locations through Backstage's `UrlReaderService` (so any
 * configured integration works and Backstage's reading rules apply), parses them (custom parsers
 * first, see {@link AdrParsers}) and stores them. A location whose ETag is unchanged is not read again.
 *
 * @internal
 */
export class AdrIngestor {
  private readonly filePattern: RegExp;
  private readonly parsers: AdrParsers;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      urlReader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
      store: AdrStore;
      policy: AdrPolicy;
      logger: LoggerService;
      /** Custom parsers from `governanceAdrParserExtensionPoint`, tried before the built-in one. */
      parsers?: GovernanceAdrParser[];
      /** Links each ADR that names its review item (front matter `review`) to that item. */
      reviews?: Pick<ReviewStore, 'linkRecordedAdr'>;
    },
  ) {
    this.filePattern = new RegExp(deps.policy.filePattern);
    this.parsers = new AdrParsers({
      parsers: deps.parsers ?? [],
      dateOrder: deps.policy.dateOrder,
      logger: deps.logger,
    });
  }

  /** Reads every ADR location on the schedule, on one replica per tick. */
  readonly schedule = scheduledJob('governance-ingest-adrs', () =>
    this.ingestAll(),
  );

  /** Reads every entity that names an ADR location, page by page. */
  async ingestAll(now = new Date()): Promise<{
    locations: number;
    read: number;
    unchanged: number;
    failed: number;
  }> {
    const { catalog, auth, store, logger } = this.deps;
    const started = Date.now();
    const credentials = await auth.getOwnServiceCredentials();
    const seen = new Set<string>();
    const totals = { locations: 0, read: 0, unchanged: 0, failed: 0 };
    const pages = readCatalogPages({
      catalog,
      credentials,
      pageSize: PAGE_SIZE,
      filter: [
        {
          [`metadata.annotations.${GOVERNANCE_ANNOTATIONS.adrLocation}`]:
            CATALOG_FILTER_EXISTS,
        },
        {
          [`metadata.annotations.${COMMUNITY_ADR_LOCATION_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
      ],
      fields: ADR_ENTITY_FIELDS,
    });
    for await (const page of pages) {
      for (const entity of page) {
        const outcome = await this.ingestEntity(entity, now);
        if (outcome !== 'none') {
          seen.add(stringifyEntityRef(entity));
          totals.locations += 1;
          totals[outcome] += 1;
        }
      }
    }
    const removed = await store.removeLocationsExcept(seen);
    logger.info(
      `Read ADR locations in ${Date.now() - started} ms: ${totals.read} read, ${
        totals.unchanged
      } unchanged, ${totals.failed} failed; forgot ${removed} no longer named`,
    );
    return totals;
  }

  /** Reads one entity's ADR location now, unless its ETag says nothing changed. */
  async ingestEntity(
    entity: Entity,
    now = new Date(),
  ): Promise<'none' | 'read' | 'unchanged' | 'failed'> {
    const { store, urlReader, logger } = this.deps;
    const entityRef = stringifyEntityRef(entity);
    const location = resolveAdrLocation(entity, this.deps.integrations);
    if (location.kind === 'none') {
      return 'none';
    }
    if (location.kind === 'error') {
      logger.warn(
        `Could not resolve the ADR location of ${entityRef}: ${location.error}${
          location.detail ? ` (${location.detail})` : ''
        }`,
      );
      await store.recordLocationError(
        entityRef,
        location.url,
        location.error,
        now,
      );
      return 'failed';
    }
    const { url } = location;
    const previous = await store.getLocation(entityRef);
    const etag =
      previous?.url === url && previous.status === 'ok'
        ? previous.etag
        : undefined;
    const { maxFileSize } = this.deps.policy;
    try {
      // Files over the size limit are left out of the tree where the reader tells sizes (it then
      // does not read them at all), and listed by name below.
      const tooLarge = new Set<string>();
      const tree = await urlReader.readTree(url, {
        etag,
        filter: (path, info) => {
          if (!this.filePattern.test(path.split('/').pop() ?? '')) {
            return false;
          }
          if (info && info.size > maxFileSize) {
            tooLarge.add(path);
            return false;
          }
          return true;
        },
      });
      const adrs: StoredAdr[] = [];
      const add = (path: string, parsed: ParsedAdr) =>
        adrs.push({
          ...parsed,
          id: adrId(entityRef, path),
          entityRef,
          owner: specRef(entity, 'owner', 'group'),
          system: specRef(entity, 'system', 'system'),
          path,
          url: new URL(path, url).toString(),
        });
      for (const file of await tree.files()) {
        const content = await file.content();
        if (content.length > maxFileSize) {
          tooLarge.add(file.path);
        } else {
          add(
            file.path,
            await this.parsers.parse({
              path: file.path,
              text: content.toString('utf8'),
            }),
          );
        }
      }
      for (const path of tooLarge) {
        add(path, {
          // Its number and a title from its name; nothing of the content was read.
          ...parseAdr(path, ''),
          warnings: [
            `the file is larger than ${maxFileSize} bytes (governance.adrs.maxFileSize), so it is listed by its name only`,
          ],
          body: '',
        });
      }
      await store.replaceAdrs({
        entityRef,
        url,
        etag: tree.etag,
        adrs,
        readAt: now,
      });
      // The ADRs are stored; a review that cannot be linked now is linked on the next reading.
      await this.linkReviews(adrs, now).catch(error =>
        logger.warn(
          `Could not link the ADRs of ${entityRef} to reviews: ${error}`,
        ),
      );
      return 'read';
    } catch (e) {
      const error = e as Error;
      if (error.name === 'NotModifiedError') {
        await store.touchLocation(entityRef, now);
        return 'unchanged';
      }
      logger.warn(
        `Could not read the ADRs of ${entityRef} at ${url}: ${error}`,
      );
      await store.recordLocationError(
        entityRef,
        url,
        describeReadError(error),
        now,
      );
      return 'failed';
    }
  }

  /**
   * An ADR written from a review item ("record this decision as an ADR") names the item; once
   * the ADR lands in its location, the item links to it and its history says so.
   */
  private async linkReviews(adrs: StoredAdr[], now: Date): Promise<void> {
    const { reviews, logger } = this.deps;
    for (const adr of adrs) {
      if (!reviews || !adr.review) {
        continue;
      }
      const label = `ADR ${
        adr.number === undefined
          ? adr.path
          : String(adr.number).padStart(4, '0')
      }: ${adr.title}`.slice(0, 255);
      const outcome = await reviews.linkRecordedAdr(
        {
          reviewId: adr.review,
          entityRef: adr.entityRef,
          adrId: adr.id,
          label,
        },
        now,
      );
      if (outcome === 'linked') {
        logger.info(`Linked ${label} to review item ${adr.review}`);
      } else if (outcome === 'not-found') {
        logger.warn(
          `${label} of ${adr.entityRef} names review item ${adr.review}, which is not a review item of that entity`,
        );
      }
    }
  }
}
