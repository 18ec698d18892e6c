import { Table, TableColumn } from '@backstage/core-components';
import TablePagination from '@material-ui/core/TablePagination';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import {
  CSSProperties,
  ReactNode,
  useLayoutEffect,
  useMemo,
  useRef,
} from 'react';

/** The page sizes the server-paged lists offer; the backend allows at most 100. */
export const PAGE_SIZES = [10, 25, 50, 100];

/** The page size a server-paged list opens with. */
export const DEFAULT_PAGE_SIZE = 25;

/** One page of a list the backend pages through. */
export interface ServerPage<T> {
  items: T[];
  offset: number;
  limit: number;
  /** How many items match in all, over every page. */
  totalCount: number;
}

/** The column the backend sorts by, and how the user picks another. */
export interface ServerSort<K extends string> {
  key: K;
  order: 'asc' | 'desc';
  onSort: (key: K) => void;
}

/** A column; one with a `sortKey` is sorted by the backend when its header is picked. */
export type ServerPagedColumn<
  T extends object,
  K extends string = string,
> = Omit<TableColumn<T>, 'title'> & { title: string; sortKey?: K };

/** Props for {@link ServerPagedTable}. */
export interface ServerPagedTableProps<
  T extends object,
  K extends string = string,
> {
  /** Names the table for assistive technology; the card around it shows the title. */
  title: string;
  columns: ServerPagedColumn<T, K>[];
  page: ServerPage<T>;
  /** The page sizes offered; {@link PAGE_SIZES} unless given. */
  pageSizes?: number[];
  /** Asks for the page starting at `offset`, `limit` items long. */
  onPageChange: (offset: number, limit: number) => void;
  sort?: ServerSort<K>;
  /** A test id per row, so tests and browser flows find a row by what it shows. */
  rowTestId?: (row: T) => string;
}

/** MUI's own pagination: the count once, and page buttons named as everywhere else. */
function Pagination(props: {
  count: number;
  page: number;
  rowsPerPage: number;
  rowsPerPageOptions: number[];
  colSpan?: number;
  onPageChange: (event: unknown, page: number) => void;
  onRowsPerPageChange: (event: { target: { value: unknown } }) => void;
}) {
  return (
    <TablePagination
      count={props.count}
      page={props.page}
      rowsPerPage={props.rowsPerPage}
      rowsPerPageOptions={props.rowsPerPageOptions}
      colSpan={props.colSpan}
      onPageChange={props.onPageChange}
      onRowsPerPageChange={props.onRowsPerPageChange}
    />
  );
}

/** The card around the table is its frame; a paper of its own would draw a second one. */
function Container(props: { style?: CSSProperties; children?: ReactNode }) {
  return <div style={props.style}>{props.children}</div>;
}

function sortHeader<K extends string>(
  title: string,
  key: K,
  sort: ServerSort<K>,
): ReactNode {
  const active = sort.key === key;
  return (
    <TableSortLabel
      active={active}
      direction={active ? sort.order : 'asc'}
      onClick={() => sort.onSort(key)}
    >
      {title}
    </TableSortLabel>
  );
}

/**
 * A list the backend filters, sorts and pages, on the core-components `Table`: the table shows
 * one page as it came, and paging or sorting asks the backend again. Mount it only with rows;
 * the view around it shows the loading, empty and error states.
 */
export function ServerPagedTable<T extends object, K extends string = string>(
  props: ServerPagedTableProps<T, K>,
) {
  const {
    title,
    columns,
    page,
    pageSizes = PAGE_SIZES,
    onPageChange,
    sort,
    rowTestId,
  } = props;
  const ref = useRef<HTMLDivElement>(null);

  const tableColumns = useMemo(
    () =>
      columns.map(({ sortKey, title: columnTitle, ...column }) => ({
        // Without a width of its own a column gets an equal share of the page at the least,
        // which pushes a table with one wide column past the page; the browser sizes them.
        width: 'auto',
        ...column,
        title:
          sortKey && sort
            ? sortHeader(columnTitle, sortKey, sort)
            : columnTitle,
      })) as TableColumn<T>[],
    [columns, sort],
  );

  // The material-table underneath takes no attributes for its table, header cells or rows.
  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) {
      return undefined;
    }
    const label = () => {
      const table = container.querySelector('table');
      if (!table) {
        return;
      }
      table.setAttribute('aria-label', title);
      table.querySelectorAll('thead th').forEach((th, index) => {
        const sortKey = columns[index]?.sortKey;
        if (sort && sortKey === sort.key) {
          th.setAttribute(
            'aria-sort',
            sort.order === 'asc' ? 'ascending' : 'descending',
          );
        } else {
          th.removeAttribute('aria-sort');
        }
      });
      if (rowTestId) {
        table.querySelectorAll(':scope > tbody > tr').forEach((tr, index) => {
          const row = page.items[index];
          if (row) {
            tr.setAttribute('data-testid', rowTestId(row));
          }
        });
      }
    };
    label();
    // material-table can fill its rows in a render of its own after this effect (a new page
    // arriving, say), with nothing here rendering again: label them whenever they change.
    // Setting attributes changes no child, so the observer never feeds itself.
    const tableChanged = new MutationObserver(label);
    tableChanged.observe(container, { childList: true, subtree: true });
    return () => tableChanged.disconnect();
  });

  return (
    <div ref={ref}>
      <Table<T>
        // The table keeps its page size from its first render; a new size starts a new table.
        key={page.limit}
        columns={tableColumns}
        data={page.items}
        page={Math.floor(page.offset / page.limit)}
        totalCount={page.totalCount}
        // Picking a page size also reports page 0 of the new size: that move is left to it.
        onPageChange={(next, size) => {
          if (size === page.limit) {
            onPageChange(next * page.limit, page.limit);
          }
        }}
        onRowsPerPageChange={size => onPageChange(0, size)}
        options={{
          toolbar: false,
          search: false,
          sorting: false,
          draggable: false,
          paging: true,
          pageSize: page.limit,
          pageSizeOptions: pageSizes,
          emptyRowsWhenPaging: false,
          padding: 'dense',
        }}
        components={{ Container, Pagination }}
      />
    </div>
  );
}
