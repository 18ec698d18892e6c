export { CheckStateIndicator } from './CheckStateIndicator';
export type { CheckStateIndicatorProps } from './CheckStateIndicator';
