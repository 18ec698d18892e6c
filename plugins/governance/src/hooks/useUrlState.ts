import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { useCallback, useMemo } from 'react';

/** How a change enters the browser history. */
export interface UrlStateChangeOptions {
  /**
   * Replace the current history entry instead of pushing one, so the back button skips it:
   * for typing, where each keystroke would otherwise be an entry.
   */
  replace?: boolean;
}

/**
 * A view's state kept in the page's query parameters, so a view can be linked and the back
 * button undoes a change. `parse` reads the state and must be stable (a module function or a
 * `useCallback`). Each change starts from the current parameters, so those of other views on
 * the page are left alone.
 */
export function useUrlState<T>(parse: (params: URLSearchParams) => T) {
  const [params, setParams] = useAppSearchParams();
  const state = useMemo(() => parse(params), [params, parse]);

  const update = useCallback(
    (
      change: (next: URLSearchParams) => void,
      options: UrlStateChangeOptions = {},
    ) =>
      setParams(
        previous => {
          const next = new URLSearchParams(previous);
          change(next);
          return next;
        },
        { replace: options.replace ?? false },
      ),
    [setParams],
  );

  /** Shows the page starting at `offset`, `limit` items long. */
  const setPage = useCallback(
    (offset: number, limit: number) =>
      update(next => {
        next.set('offset', String(offset));
        next.set('limit', String(limit));
      }),
    [update],
  );

  return { params, state, update, setPage };
}
