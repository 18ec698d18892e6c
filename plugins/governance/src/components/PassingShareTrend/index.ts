export { PassingShareTrend } from './PassingShareTrend';
export type { PassingShareTrendProps } from './PassingShareTrend';
