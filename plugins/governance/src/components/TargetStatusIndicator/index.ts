export { TargetStatusIndicator } from './TargetStatusIndicator';
export type { TargetStatusIndicatorProps } from './TargetStatusIndicator';
