export { EntityAdrsSection } from './EntityAdrsSection';
export type { EntityAdrsSectionProps } from './EntityAdrsSection';
