export { SimpleTable } from './SimpleTable';
export type { SimpleTableColumn, SimpleTableProps } from './SimpleTable';
