export { AdrChain, ADR_CHAIN_LABELS } from './AdrChain';
export type { AdrChainProps } from './AdrChain';
