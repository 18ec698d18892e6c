import {
  REVIEW_PRIORITIES,
  REVIEW_STATUSES,
  ReviewPriority,
  ReviewStatus,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useCallback } from 'react';
import { useUrlState } from '../../hooks/useUrlState';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../ServerPagedTable';

/** What the queue shows unless the user picks other statuses: everything not yet closed. */
export const DEFAULT_QUEUE_STATUSES: ReviewStatus[] = [
  'open',
  'in-review',
  'changes-requested',
];

/** Whose items: anyone's, the signed-in user's, or nobody's yet. */
export type AssigneeFilter = 'anyone' | 'me' | 'unassigned';

/** The queue's filters and page, as kept in the URL. */
export interface ReviewQueueState {
  /** Empty for any status. */
  status: ReviewStatus[];
  kind: string[];
  priority: ReviewPriority[];
  assignee: AssigneeFilter;
  overdue: boolean;
  offset: number;
  limit: number;
}

function oneOf<T extends string>(values: string[], allowed: readonly T[]): T[] {
  return values.filter((v): v is T =>
    (allowed as readonly string[]).includes(v),
  );
}

/**
 * Reads the queue from the URL: `?status=open&status=in-review&kind=…&priority=high&
 * assignee=me&overdue=true&offset=25&limit=25`. Without `status` the queue shows the statuses
 * still waiting for the council; `status=` alone shows every status.
 */
export function parseReviewQueueState(
  params: URLSearchParams,
): ReviewQueueState {
  const assignee = params.get('assignee');
  const offset = Number(params.get('offset'));
  const limit = Number(params.get('limit'));
  return {
    status: params.has('status')
      ? oneOf(params.getAll('status'), REVIEW_STATUSES)
      : DEFAULT_QUEUE_STATUSES,
    kind: params.getAll('kind').filter(Boolean),
    priority: oneOf(params.getAll('priority'), REVIEW_PRIORITIES),
    assignee:
      assignee === 'me' || assignee === 'unassigned' ? assignee : 'anyone',
    overdue: params.get('overdue') === 'true',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    limit: PAGE_SIZES.includes(limit) ? limit : DEFAULT_PAGE_SIZE,
  };
}

/** What the user can change; each change starts again on the first page. */
export type ReviewQueueFilterChange = Partial<
  Pick<
    ReviewQueueState,
    'status' | 'kind' | 'priority' | 'assignee' | 'overdue'
  >
>;

/**
 * The review queue's filters from the URL, and the changes a user can make to them. Every
 * change pushes a history entry, so the back button undoes it and a view can be linked.
 */
export function useReviewQueueState() {
  const { params, state, update, setPage } = useUrlState(parseReviewQueueState);

  const setFilters = useCallback(
    (change: ReviewQueueFilterChange) =>
      update(next => {
        for (const key of ['status', 'kind', 'priority'] as const) {
          const values = change[key];
          if (values === undefined) {
            continue;
          }
          next.delete(key);
          values.forEach(value => next.append(key, value));
          // No status at all means every status, which an absent parameter would not.
          if (key === 'status' && values.length === 0) {
            next.set('status', '');
          }
        }
        if (change.assignee !== undefined) {
          if (change.assignee === 'anyone') {
            next.delete('assignee');
          } else {
            next.set('assignee', change.assignee);
          }
        }
        if (change.overdue !== undefined) {
          if (change.overdue) {
            next.set('overdue', 'true');
          } else {
            next.delete('overdue');
          }
        }
        next.delete('offset');
      }),
    [update],
  );

  const resetFilters = useCallback(
    () =>
      update(next => {
        ['status', 'kind', 'priority', 'assignee', 'overdue', 'offset'].forEach(
          key => next.delete(key),
        );
      }),
    [update],
  );

  const filtered = ['kind', 'priority', 'assignee', 'overdue', 'status'].some(
    key => params.has(key),
  );

  return { state, filtered, setFilters, setPage, resetFilters };
}
