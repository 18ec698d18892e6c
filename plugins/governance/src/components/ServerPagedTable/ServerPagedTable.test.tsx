import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ServerPage,
  ServerPagedColumn,
  ServerPagedTable,
  ServerSort,
} from './ServerPagedTable';

interface Item {
  id: string;
  name: string;
}

type Key = 'name';

const columns: ServerPagedColumn<Item, Key>[] = [
  { title: 'Id', render: item => item.id },
  { title: 'Name', sortKey: 'name', render: item => item.name },
];

/** Page `index` (from 0) of 60 items, `limit` long. */
function pageOf(index: number, limit: number): ServerPage<Item> {
  const items = Array.from({ length: limit }, (_, i) => {
    const n = index * limit + i;
    return { id: `item-${n}`, name: `Item ${n}` };
  });
  return { items, offset: index * limit, limit, totalCount: 60 };
}

async function renderTable(
  page: ServerPage<Item>,
  sort?: Omit<ServerSort<Key>, 'onSort'>,
) {
  const onPageChange = jest.fn();
  const onSort = jest.fn();
  await renderInTestApp(
    <ServerPagedTable
      title="Items"
      columns={columns}
      page={page}
      pageSizes={[10, 25]}
      onPageChange={onPageChange}
      sort={sort && { ...sort, onSort }}
      rowTestId={item => `row-${item.id}`}
    />,
  );
  return { onPageChange, onSort };
}

describe('ServerPagedTable', () => {
  it('shows the page as it came, named, one row per item with its test id', async () => {
    await renderTable(pageOf(1, 10));
    const table = screen.getByRole('table', { name: 'Items' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 10);
    expect(
      within(screen.getByTestId('row-item-10')).getByText('Item 10'),
    ).toBeInTheDocument();
    expect(screen.getByText('11-20 of 60')).toBeInTheDocument();
  });

  it('labels rows the table puts in after its own render, as a new page filling in does', async () => {
    await renderTable(pageOf(0, 10));
    const first = screen.getByTestId('row-item-0');
    const body = first.parentElement!;
    // What material-table does when it fills its rows in a later render of its own: rows
    // that carry no test id yet take the place of the old ones.
    first.removeAttribute('data-testid');
    body.removeChild(first);
    body.insertBefore(first, body.firstChild);

    expect(
      within(await screen.findByTestId('row-item-0')).getByText('Item 0'),
    ).toBeInTheDocument();
  });

  it('asks for the next page, and for the first page of a new size', async () => {
    const { onPageChange } = await renderTable(pageOf(1, 10));

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(onPageChange).toHaveBeenLastCalledWith(20, 10);

    fireEvent.mouseDown(screen.getByRole('button', { name: /Rows per page/ }));
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByRole('option', {
        name: '25',
      }),
    );
    expect(onPageChange).toHaveBeenLastCalledWith(0, 25);
    expect(onPageChange).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['asc', 'ascending'],
    ['desc', 'descending'],
  ] as const)(
    'marks the column the backend sorts by %s as %s, and asks to sort when a header is picked',
    async (order, ariaSort) => {
      const { onSort } = await renderTable(pageOf(0, 10), {
        key: 'name',
        order,
      });
      expect(
        screen.getByRole('columnheader', { name: 'Name' }),
      ).toHaveAttribute('aria-sort', ariaSort);
      expect(
        screen.getByRole('columnheader', { name: 'Id' }),
      ).not.toHaveAttribute('aria-sort');

      await userEvent.click(screen.getByRole('button', { name: 'Name' }));
      expect(onSort).toHaveBeenCalledWith('name');
    },
  );
});
