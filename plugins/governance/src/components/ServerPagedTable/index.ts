export { AsyncServerPagedTable } from './AsyncServerPagedTable';
export type { AsyncServerPagedTableProps } from './AsyncServerPagedTable';
export {
  DEFAULT_PAGE_SIZE,
  PAGE_SIZES,
  ServerPagedTable,
} from './ServerPagedTable';
export type {
  ServerPage,
  ServerPagedColumn,
  ServerPagedTableProps,
  ServerSort,
} from './ServerPagedTable';
