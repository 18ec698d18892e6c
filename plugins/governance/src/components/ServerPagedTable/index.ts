export { ServerPagedTable } from './ServerPagedTable';
export type {
  ServerPage,
  ServerPagedColumn,
  ServerPagedTableProps,
  ServerSort,
} from './ServerPagedTable';
