import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles({
  // Backstage's theme lets a header cell break anywhere, so a narrow column read "Complia nce":
  // a header wraps between its words only, and its column is at least as wide as its longest word.
  header: { wordBreak: 'normal', overflowWrap: 'normal' },
  noWrap: { whiteSpace: 'nowrap' },
});

/** One column of a {@link SimpleTable}. */
export interface SimpleTableColumn<T> {
  title: string;
  render: (row: T) => ReactNode;
  /** The cell that names its row for assistive technology (a `th` scoped to the row). */
  rowHeader?: boolean;
  /** Short values, such as a frequency, that read badly broken over lines: kept on one. */
  noWrap?: boolean;
  className?: string;
}

/** Props for {@link SimpleTable}. */
export interface SimpleTableProps<T> {
  /** Names the table for assistive technology; the card around it shows the title. */
  label: string;
  columns: SimpleTableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** A test id per row, so tests and browser flows find a row by what it shows. */
  rowTestId: (row: T) => string;
  className?: string;
}

/**
 * A short list shown whole in small cells, for an entity's own reviews, ADRs or checks; lists
 * the backend pages through use `ServerPagedTable`.
 */
export function SimpleTable<T>(props: SimpleTableProps<T>) {
  const { label, columns, rows, rowKey, rowTestId, className } = props;
  const classes = useStyles();
  return (
    <Table size="small" aria-label={label} className={className}>
      <TableHead>
        <TableRow>
          {columns.map(column => (
            <TableCell key={column.title} className={classes.header}>
              {column.title}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={rowKey(row)} data-testid={rowTestId(row)}>
            {columns.map(column => (
              <TableCell
                key={column.title}
                component={column.rowHeader ? 'th' : undefined}
                scope={column.rowHeader ? 'row' : undefined}
                className={
                  column.noWrap
                    ? `${classes.noWrap} ${column.className ?? ''}`
                    : column.className
                }
              >
                {column.render(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
