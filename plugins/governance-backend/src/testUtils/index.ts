/**
 * Test and benchmark helpers of the governance backend: its scorecards on a database of their
 * own, the synthetic catalog the benchmarks measure, and the writer of their report sections.
 *
 * @packageDocumentation
 */

export type { MeasuredFact } from '../database/FactStore';
export { machine, readReportSection, writeReportSection } from './benchReport';
export type { ReportDocument } from './benchReport';
export { createScorecardEvaluation } from './createScorecardEvaluation';
export type { ScorecardEvaluation } from './createScorecardEvaluation';
export {
  deliveryFacts,
  entities,
  indexedCatalog,
  measuredFacts,
  services,
  TIERS,
} from './syntheticCatalog';
export { RADAR_ENTRIES } from './syntheticStack';
export { SUMMARY_FIELDS } from '../summary/EntitySummaryService';
