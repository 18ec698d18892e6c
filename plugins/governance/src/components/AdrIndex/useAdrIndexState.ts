import {
  ADR_STATUSES,
  AdrIndexQuery,
  AdrStatus,
  RetrospectiveState,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useCallback } from 'react';
import { UrlStateChangeOptions, useUrlState } from '../../hooks/useUrlState';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../ServerPagedTable';

/** The columns the backend sorts by. */
export type AdrIndexSort = NonNullable<AdrIndexQuery['sort']>;
const SORTS: AdrIndexSort[] = ['date', 'title', 'entity'];

/** The retrospective states the index filters by. */
export const RETROSPECTIVE_FILTER_STATES: RetrospectiveState[] = [
  'due',
  'overdue',
  'not-due',
  'recorded',
];

/** Decisions that need attention, as the backend filters them. */
export type AdrConcern = NonNullable<AdrIndexQuery['concern']>[number];

/** The concerns the index filters by. */
export const ADR_CONCERNS: AdrConcern[] = ['no-successor', 'stale'];

/** The filters a user can set, each shown as one field above the table. */
export type AdrIndexFilterName =
  | 'status'
  | 'owner'
  | 'system'
  | 'from'
  | 'to'
  | 'q'
  | 'retrospective'
  | 'concern';

/**
 * A view of the ADR index: what it always asks for, how it sorts unless the user picks another
 * column, and which filters it offers.
 */
export interface AdrIndexPreset {
  fixed: Pick<AdrIndexQuery, 'retrospective'>;
  sort: AdrIndexSort;
  order: 'asc' | 'desc';
  filters: AdrIndexFilterName[];
}

/** Every ADR, newest first. */
export const ALL_ADRS: AdrIndexPreset = {
  fixed: {},
  sort: 'date',
  order: 'desc',
  filters: [
    'q',
    'status',
    'owner',
    'system',
    'from',
    'to',
    'retrospective',
    'concern',
  ],
};

/** The ADRs whose retrospective is due or overdue, longest waiting first. */
export const RETROSPECTIVES_DUE: AdrIndexPreset = {
  fixed: { retrospective: ['due', 'overdue'] },
  sort: 'date',
  order: 'asc',
  filters: ['q', 'owner', 'system', 'from', 'to'],
};

function isDay(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function text(params: URLSearchParams, key: string): string | undefined {
  return params.get(key)?.trim() || undefined;
}

/**
 * Reads the index query from parameters named like the API's, so a view of the index can be
 * linked: `?status=accepted&status=proposed&owner=…&q=kafka&sort=title&order=asc&offset=25`.
 * Values the API does not know are left out.
 */
export function parseAdrIndexQuery(
  params: URLSearchParams,
  preset: AdrIndexPreset,
): AdrIndexQuery {
  const status = params
    .getAll('status')
    .filter((s): s is AdrStatus =>
      (ADR_STATUSES as readonly string[]).includes(s),
    );
  const retrospective = params
    .getAll('retrospective')
    .filter((s): s is RetrospectiveState =>
      RETROSPECTIVE_FILTER_STATES.includes(s as RetrospectiveState),
    );
  const concern = params
    .getAll('concern')
    .filter((c): c is AdrConcern => ADR_CONCERNS.includes(c as AdrConcern));
  const sort = params.get('sort') as AdrIndexSort;
  const order = params.get('order');
  const offset = Number(params.get('offset'));
  const limit = Number(params.get('limit'));
  const from = params.get('from');
  const to = params.get('to');

  const query: AdrIndexQuery = {
    status: status.length > 0 ? status : undefined,
    owner: text(params, 'owner'),
    system: text(params, 'system'),
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    q: text(params, 'q'),
    retrospective: retrospective.length > 0 ? retrospective : undefined,
    concern: concern.length > 0 ? concern : undefined,
    sort: SORTS.includes(sort) ? sort : preset.sort,
    order: order === 'asc' || order === 'desc' ? order : preset.order,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    limit: PAGE_SIZES.includes(limit) ? limit : DEFAULT_PAGE_SIZE,
  };
  // Only the filters the preset offers: the rest of the URL is not its business.
  for (const name of [
    'status',
    'owner',
    'system',
    'from',
    'to',
    'q',
    'retrospective',
    'concern',
  ] as const) {
    if (!preset.filters.includes(name)) {
      delete query[name];
    }
  }
  return { ...query, ...preset.fixed };
}

/** What the user can change; every filter is cleared by `undefined`, `''` or `[]`. */
export type AdrIndexFilterChange = Partial<
  Pick<AdrIndexQuery, AdrIndexFilterName>
>;

/**
 * The ADR index's query from the URL, and the changes a user can make to it. A filter or sort
 * change starts again on the first page. Typing in a text field replaces the history entry,
 * so the back button undoes a whole search rather than each keystroke.
 */
export function useAdrIndexState(preset: AdrIndexPreset) {
  const parse = useCallback(
    (params: URLSearchParams) => parseAdrIndexQuery(params, preset),
    [preset],
  );
  const { params, state: query, update, setPage } = useUrlState(parse);

  const setFilters = useCallback(
    (change: AdrIndexFilterChange, options?: UrlStateChangeOptions) =>
      update(next => {
        for (const [key, value] of Object.entries(change)) {
          next.delete(key);
          for (const item of ([] as Array<string | undefined>).concat(value)) {
            if (item) {
              next.append(key, item);
            }
          }
        }
        next.delete('offset');
      }, options),
    [update],
  );

  /** Sorts by the column; picking the sorted column again reverses the order. */
  const sortBy = useCallback(
    (sort: AdrIndexSort) =>
      update(next => {
        const current = parseAdrIndexQuery(next, preset);
        let order: 'asc' | 'desc';
        if (current.sort === sort) {
          order = current.order === 'asc' ? 'desc' : 'asc';
        } else {
          // Dates read newest first, words from A.
          order = sort === 'date' ? 'desc' : 'asc';
        }
        next.set('sort', sort);
        next.set('order', order);
        next.delete('offset');
      }),
    [update, preset],
  );

  const clearFilters = useCallback(
    () =>
      update(next => {
        preset.filters.forEach(name => next.delete(name));
        next.delete('offset');
      }),
    [update, preset],
  );

  const filtered = preset.filters.some(
    name => params.getAll(name).filter(Boolean).length > 0,
  );

  return { query, filtered, setFilters, sortBy, setPage, clearFilters };
}
