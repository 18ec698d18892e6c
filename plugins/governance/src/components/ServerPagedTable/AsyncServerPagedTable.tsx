import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { AsyncContent } from '../AsyncContent';
import {
  DEFAULT_PAGE_SIZE,
  ServerPage,
  ServerPagedTable,
  ServerPagedTableProps,
} from './ServerPagedTable';

/** Props for {@link AsyncServerPagedTable}. */
export interface AsyncServerPagedTableProps<T extends object>
  extends Pick<
    ServerPagedTableProps<T>,
    'title' | 'columns' | 'pageSizes' | 'rowTestId'
  > {
  /**
   * Loads the page starting at `offset`, `limit` items long. Pass it from `useCallback`: a new
   * function loads the page again, and a new filter wants a `key` on the table to start over.
   */
  load: (page: { offset: number; limit: number }) => Promise<ServerPage<T>>;
  /** Shown instead of an empty table: a sentence or an element. */
  empty: ReactNode;
}

/**
 * A {@link ServerPagedTable} that loads its own pages: it keeps the page the user is on, asks
 * the backend for it, and shows the error, loading and empty states around the table.
 */
export function AsyncServerPagedTable<T extends object>(
  props: AsyncServerPagedTableProps<T>,
) {
  const { load, empty, ...table } = props;
  const [view, setView] = useState({ offset: 0, limit: DEFAULT_PAGE_SIZE });
  const { value, loading, error } = useAsync(() => load(view), [load, view]);

  return (
    <AsyncContent
      error={error}
      value={value}
      isEmpty={page => page.totalCount === 0}
      empty={empty}
      loading={loading}
    >
      {page => (
        <ServerPagedTable
          {...table}
          page={page}
          onPageChange={(offset, limit) => setView({ offset, limit })}
        />
      )}
    </AsyncContent>
  );
}
