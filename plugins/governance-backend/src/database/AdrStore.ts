import {
  AdrChainLink,
  AdrDetail,
  AdrIndexPage,
  AdrIndexQuery,
  AdrLocationStatus,
  AdrSummary,
  ParsedAdr,
  Retrospective,
} from '@catalog-governance/backstage-plugin-governance-common';
import { HiddenEntities } from './util';

/**
 * An ADR as parsed from its file, with where it came from.
 *
 * @internal
 */
export interface StoredAdr extends ParsedAdr {
  id: string;
  entityRef: string;
  owner?: string;
  system?: string;
  path: string;
  url: string;
}

/**
 * The last reading of an entity's ADR location.
 *
 * @internal
 */
export interface AdrLocationRecord {
  entityRef: string;
  url: string;
  etag?: string;
  status: 'pending' | 'ok' | 'error';
  error?: string;
  readAt?: string;
}

/**
 * ADR locations, the ADRs read from them and their retrospectives.
 *
 * @internal
 */
export interface AdrStore {
  /**
   * Works the stored retrospective dates out again with the current policy, which may have
   * changed since the ADRs were read (unchanged locations are not read again).
   */
  recomputeRetrospectiveDates(): Promise<void>;

  getLocation(entityRef: string): Promise<AdrLocationRecord | undefined>;

  listLocationRefs(): Promise<string[]>;

  /** Records a reading that failed: the ADRs read before stay, the reason is shown with them. */
  recordLocationError(
    entityRef: string,
    url: string,
    error: string,
    readAt: Date,
  ): Promise<void>;

  /** Records a reading that found the location unchanged since its ETag. */
  touchLocation(entityRef: string, readAt: Date): Promise<void>;

  /** Replaces the entity's ADRs with a complete new reading, in one transaction. */
  replaceAdrs(options: {
    entityRef: string;
    url: string;
    etag?: string;
    adrs: StoredAdr[];
    readAt: Date;
  }): Promise<void>;

  /** Forgets the ADRs of entities that no longer name a location; retrospectives stay. */
  removeLocationsExcept(entityRefs: Set<string>): Promise<number>;

  listEntityAdrs(entityRef: string, now: Date): Promise<AdrSummary[]>;

  getAdr(id: string, now: Date): Promise<AdrDetail | undefined>;

  /** The title and text of each entity's accepted ADRs, by entity ref (none: absent). */
  listAcceptedAdrTexts(entityRefs: string[]): Promise<Map<string, string[]>>;

  /**
   * A digest of every ADR location's last reading (its ETag, or its time when the location
   * gives none): another one than a scheduled pass saw means ADRs may have changed. A run of
   * the ADR reader stamps every entity with its start, which may be long before it writes,
   * so times alone cannot say what changed since.
   */
  adrLocationsDigest(): Promise<string>;

  /** The ADR's links in the decision graph, naming no ADR of a `hidden` entity. */
  chainOf(id: string, hidden?: HiddenEntities): Promise<AdrChainLink[]>;

  /** The ids of the entity's ADRs by number and by file name, to resolve links between them. */
  adrIdsOf(entityRef: string): Promise<Map<string, string>>;

  addRetrospective(
    retrospective: Retrospective & { entityRef: string },
  ): Promise<void>;

  /** Every entity with ADRs, for working out which of them a caller may see. */
  listAdrEntityRefs(): Promise<string[]>;

  /**
   * A page of the index; the ADRs of `hidden` entities are left out in the query, so pages and
   * counts are exact.
   */
  queryIndex(
    query: AdrIndexQuery,
    now: Date,
    hidden?: HiddenEntities,
  ): Promise<AdrIndexPage>;
}

/**
 * The location as the API shows it.
 *
 * @internal
 */
export function locationStatus(
  record: AdrLocationRecord | undefined,
): AdrLocationStatus {
  if (!record) {
    return { status: 'not-configured' };
  }
  if (record.status === 'error') {
    return {
      status: 'error',
      url: record.url,
      readAt: record.readAt ?? '',
      error: record.error ?? 'unknown error',
    };
  }
  if (record.status === 'ok' && record.readAt) {
    return { status: 'ok', url: record.url, readAt: record.readAt };
  }
  return { status: 'pending', url: record.url };
}
