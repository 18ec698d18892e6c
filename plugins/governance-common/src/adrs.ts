import { Config } from '@backstage/config';
import { addMonths } from './dates';
import { AdrLink, GovernanceApiOperations, RetrospectiveState } from './schema';

/**
 * The statuses an ADR can have, in MADR's and Nygard's vocabulary.
 *
 * @public
 */
export const ADR_STATUSES = [
  'proposed',
  'accepted',
  'rejected',
  'deprecated',
  'superseded',
] as const;

/**
 * An ADR's status.
 *
 * @public
 */
export type AdrStatus = (typeof ADR_STATUSES)[number];

/**
 * What the parser could read from one ADR file. A file it cannot fully parse still gives a
 * result, with a warning per thing that was missing or unreadable.
 *
 * @public
 */
export interface ParsedAdr {
  /** The ADR's number, from the file name (`0007-...`) or the title (`7. Use Kafka`). */
  number?: number;
  /** The title without its number; the file name when the file has no title. */
  title: string;
  status?: AdrStatus;
  /** The status as written, when it is none of {@link ADR_STATUSES} or says more (e.g. "Accepted, amended by 9"). */
  statusText?: string;
  /** The superseding ADR, when the status is `superseded`. */
  supersededBy?: AdrLink;
  /** `YYYY-MM-DD`. */
  date?: string;
  deciders: string[];
  links: AdrLink[];
  /**
   * The decision scope it declares (front matter `decision-scope` or `scope`), lower-case with
   * dashes, e.g. `platform-selection`; checked against the owning team's scope by the review
   * queue.
   */
  scope?: string;
  format: 'madr' | 'nygard' | 'unknown';
  /**
   * The id of the review item whose decision this ADR records (front matter `review`, written by
   * the `governance:adr:create` action); the review item is linked to the ADR once it is read.
   */
  review?: string;
  /** What was missing or unreadable, in words a reader can act on. */
  warnings: string[];
  /** The Markdown body, without front matter. */
  body: string;
}

/**
 * When retrospectives fall due and overdue, from `governance.adrs.retrospective`.
 *
 * @public
 */
export interface RetrospectivePolicy {
  dueAfterMonths: number;
  overdueAfterMonths: number;
}

/**
 * How a date such as `05/02/2018`, which names a day and a month that can swap places, is read:
 * `day-first` (5 February 2018, as in the UK and most of Europe) or `month-first` (May 2, as in
 * the US). From `governance.adrs.dateOrder`.
 *
 * @public
 */
export type AdrDateOrder = 'day-first' | 'month-first';

/**
 * The ways {@link AdrDateOrder} can read an ambiguous date.
 *
 * @public
 */
export const ADR_DATE_ORDERS: readonly AdrDateOrder[] = [
  'day-first',
  'month-first',
];

/**
 * How ADRs are found, from `governance.adrs`.
 *
 * @public
 */
export interface AdrPolicy {
  /** Regular expression (source) an ADR file's name must match. */
  filePattern: string;
  /**
   * Largest ADR file read, in bytes; a larger one is listed by its name with a warning, and its
   * body is not read.
   */
  maxFileSize: number;
  retrospective: RetrospectivePolicy;
  /** How a date that can be read two ways, such as `05/02/2018`, is read. */
  dateOrder: AdrDateOrder;
  /** Months after its date when an accepted ADR with no retrospective is stale. */
  staleAfterMonths: number;
}

/** @public */
export const DEFAULT_ADR_POLICY: AdrPolicy = {
  filePattern: '^\\d{4}-.+\\.md$',
  maxFileSize: 1024 * 1024,
  retrospective: { dueAfterMonths: 3, overdueAfterMonths: 6 },
  dateOrder: 'day-first',
  staleAfterMonths: 12,
};

/** Bounds of `governance.adrs.maxFileSize`: 1 KiB to 64 MiB. */
const MAX_FILE_SIZE_RANGE = { unit: 'bytes', min: 1024, max: 64 * 1024 * 1024 };

/**
 * Reads the whole number at `key`, or `fallback` when config leaves it out, and throws naming the
 * key when it is outside `min` to `max`.
 */
function readWholeNumber(
  config: Config,
  key: string,
  fallback: number,
  range: { unit: string; min: number; max: number },
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(Number.isInteger(value) && value >= range.min && value <= range.max)) {
    throw new Error(
      `Invalid config at '${key}': ${value} is not allowed, expected a whole number of ${range.unit} from ${range.min} to ${range.max}`,
    );
  }
  return value;
}

/**
 * Reads `governance.adrs` from config. Throws an error naming the key and what is allowed when a
 * value is invalid, so a bad config fails start-up.
 *
 * @public
 */
export function readAdrPolicy(config: Config): AdrPolicy {
  const base = 'governance.adrs';
  const filePattern =
    config.getOptionalString(`${base}.filePattern`) ??
    DEFAULT_ADR_POLICY.filePattern;
  try {
    RegExp(filePattern);
  } catch (e) {
    throw new Error(
      `Invalid config at '${base}.filePattern': '${filePattern}' is not a regular expression (${
        (e as Error).message
      })`,
    );
  }
  const maxFileSize = readWholeNumber(
    config,
    `${base}.maxFileSize`,
    DEFAULT_ADR_POLICY.maxFileSize,
    MAX_FILE_SIZE_RANGE,
  );
  const retrospectiveMonths = { unit: 'months', min: 1, max: 60 };
  const dueAfterMonths = readWholeNumber(
    config,
    `${base}.retrospective.dueAfterMonths`,
    DEFAULT_ADR_POLICY.retrospective.dueAfterMonths,
    retrospectiveMonths,
  );
  const overdueAfterMonths = readWholeNumber(
    config,
    `${base}.retrospective.overdueAfterMonths`,
    DEFAULT_ADR_POLICY.retrospective.overdueAfterMonths,
    retrospectiveMonths,
  );
  if (overdueAfterMonths <= dueAfterMonths) {
    throw new Error(
      `Invalid config at '${base}.retrospective.overdueAfterMonths': ${overdueAfterMonths} must be more than dueAfterMonths (${dueAfterMonths})`,
    );
  }
  const dateOrder =
    config.getOptionalString(`${base}.dateOrder`) ??
    DEFAULT_ADR_POLICY.dateOrder;
  if (!(ADR_DATE_ORDERS as readonly string[]).includes(dateOrder)) {
    throw new Error(
      `Invalid config at '${base}.dateOrder': '${dateOrder}' is not allowed, expected one of ${ADR_DATE_ORDERS.join(
        ', ',
      )}`,
    );
  }
  const staleAfterMonths = readWholeNumber(
    config,
    `${base}.staleAfterMonths`,
    DEFAULT_ADR_POLICY.staleAfterMonths,
    { unit: 'months', min: 1, max: 120 },
  );
  return {
    filePattern,
    maxFileSize,
    retrospective: { dueAfterMonths, overdueAfterMonths },
    dateOrder: dateOrder as AdrDateOrder,
    staleAfterMonths,
  };
}

/**
 * The retrospective state of an ADR at `now`: due from `dueAfterMonths` after its date (that
 * day included), overdue from `overdueAfterMonths`, until a retrospective is recorded.
 *
 * @public
 */
export function retrospectiveState(
  adr: { status?: AdrStatus; date?: string },
  options: { recorded: boolean; now: Date; policy: RetrospectivePolicy },
): { state: RetrospectiveState; dueAt?: string; overdueAt?: string } {
  if (adr.status !== 'accepted' || !adr.date) {
    return { state: 'not-applicable' };
  }
  const dueAt = addMonths(adr.date, options.policy.dueAfterMonths);
  const overdueAt = addMonths(adr.date, options.policy.overdueAfterMonths);
  const dates = {
    dueAt: dueAt.toISOString().slice(0, 10),
    overdueAt: overdueAt.toISOString().slice(0, 10),
  };
  if (options.recorded) {
    return { state: 'recorded', ...dates };
  }
  if (options.now >= overdueAt) {
    return { state: 'overdue', ...dates };
  }
  if (options.now >= dueAt) {
    return { state: 'due', ...dates };
  }
  return { state: 'not-due', ...dates };
}

/**
 * The outcome of a retrospective.
 *
 * @public
 */
export const RETROSPECTIVE_OUTCOMES = [
  'validated',
  'partly-validated',
  'reversed',
] as const;

/** @public */
export type RetrospectiveOutcome = (typeof RETROSPECTIVE_OUTCOMES)[number];

/**
 * Query of the organisation-wide ADR index.
 *
 * @public
 */
export type AdrIndexQuery = NonNullable<
  GovernanceApiOperations['QueryAdrIndex']['parameters']['query']
>;
