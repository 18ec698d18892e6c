export { AdrIndex } from './AdrIndex';
export type { AdrIndexProps } from './AdrIndex';
export { ALL_ADRS, RETROSPECTIVES_DUE } from './useAdrIndexState';
export type { AdrIndexPreset } from './useAdrIndexState';
