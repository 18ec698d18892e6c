export { TierChip } from './TierChip';
export type { TierChipProps } from './TierChip';
