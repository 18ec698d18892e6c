export { createTierColumn } from './createTierColumn';
export { EntityTierFilter } from './EntityTierFilter';
export { EntityTierPicker } from './EntityTierPicker';
export type { EntityTierFilters } from './EntityTierPicker';
