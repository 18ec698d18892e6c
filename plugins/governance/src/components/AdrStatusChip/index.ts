export { AdrStatusChip, adrLinkLabel } from './AdrStatusChip';
export type { AdrStatusChipProps } from './AdrStatusChip';
export {
  RetrospectiveStateChip,
  retrospectiveLabel,
} from './RetrospectiveStateChip';
export type { RetrospectiveStateChipProps } from './RetrospectiveStateChip';
