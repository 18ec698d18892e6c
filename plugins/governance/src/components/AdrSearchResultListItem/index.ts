export { AdrSearchResultListItem } from './AdrSearchResultListItem';
export type { AdrSearchResultListItemProps } from './AdrSearchResultListItem';
export { AdrStatusSearchFilter } from './AdrStatusSearchFilter';
