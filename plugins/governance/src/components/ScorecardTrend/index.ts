export { ScorecardTrend } from './ScorecardTrend';
