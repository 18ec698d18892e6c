import {
  COMPLIANCE_GROUP_BY,
  ComplianceFilter,
  ComplianceGroupBy,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useCallback } from 'react';
import { useUrlState } from '../../hooks/useUrlState';

/** The ranges the trend offers, in days. */
export const TREND_RANGES = [30, 90, 365] as const;
const DEFAULT_TREND_DAYS = 90;

/** What the Compliance view shows; all of it lives in the URL, so a view can be linked. */
export interface ComplianceViewState {
  groupBy: ComplianceGroupBy;
  filter: ComplianceFilter;
  /** Days the trend spans. */
  days: number;
}

function isGroupBy(value: string | null): value is ComplianceGroupBy {
  return (COMPLIANCE_GROUP_BY as readonly (string | null)[]).includes(value);
}

/** Reads the view from query parameters named like the API's: `?groupBy=system&owner=…`. */
export function parseComplianceViewState(
  params: URLSearchParams,
): ComplianceViewState {
  const groupBy = params.get('groupBy');
  const filter: ComplianceFilter = {};
  for (const dimension of COMPLIANCE_GROUP_BY) {
    const value = params.get(dimension);
    // `?system=` is kept as '': it selects the entities without a system.
    if (value !== null) {
      filter[dimension] = value;
    }
  }
  const days = Number(params.get('days'));
  return {
    groupBy: isGroupBy(groupBy) ? groupBy : 'owner',
    filter,
    days: (TREND_RANGES as readonly number[]).includes(days)
      ? days
      : DEFAULT_TREND_DAYS,
  };
}

/** The filtered dimensions, in the order the API lists them. */
export function filteredDimensions(
  filter: ComplianceFilter,
): ComplianceGroupBy[] {
  return COMPLIANCE_GROUP_BY.filter(d => filter[d] !== undefined);
}

/**
 * The Compliance view's state from the URL, and the changes a user can make to it. Every
 * change pushes a history entry, so the back button undoes a drill-down.
 */
export function useComplianceViewState() {
  const { state, update } = useUrlState(parseComplianceViewState);

  const setGroupBy = useCallback(
    (groupBy: ComplianceGroupBy) =>
      update(next => next.set('groupBy', groupBy)),
    [update],
  );

  /**
   * Narrows the view to one group of a roll-up, and rolls the rest up by the next dimension
   * that is not filtered yet: grouping by the one just picked would show a single row.
   */
  const narrow = useCallback(
    (dimension: ComplianceGroupBy, key: string | undefined) =>
      update(next => {
        next.set(dimension, key ?? '');
        const narrowed = parseComplianceViewState(next);
        const groupBy = COMPLIANCE_GROUP_BY.find(
          d => narrowed.filter[d] === undefined,
        );
        if (groupBy) {
          next.set('groupBy', groupBy);
        }
      }),
    [update],
  );

  const removeFilter = useCallback(
    (dimension: ComplianceGroupBy) => update(next => next.delete(dimension)),
    [update],
  );

  const clearFilters = useCallback(
    () => update(next => COMPLIANCE_GROUP_BY.forEach(d => next.delete(d))),
    [update],
  );

  const setDays = useCallback(
    (days: number) => update(next => next.set('days', String(days))),
    [update],
  );

  return { ...state, setGroupBy, narrow, removeFilter, clearFilters, setDays };
}
