import { ComplianceStore } from './ComplianceStore';
import { EntityRecordStore } from './EntityRecordStore';
import { FactStore } from './FactStore';
import { ScorecardStore } from './ScorecardStore';
import { TierStore } from './TierStore';
import { WaiverStore } from './WaiverStore';

export type { ComplianceStore } from './ComplianceStore';
export type { EntityRecord, EntityRecordStore } from './EntityRecordStore';
export type { FactStore, MeasuredFact } from './FactStore';
export type {
  CheckTransition,
  EntityEvaluation,
  EntityPlacement,
  ScorecardStore,
} from './ScorecardStore';
export type {
  EntityTierRecord,
  TierChange,
  TierObservation,
  TierStore,
} from './TierStore';
export type { WaiverStore } from './WaiverStore';

/**
 * The stores the routes and the scorecard engine share, as one object. Code that needs one
 * aggregate only takes that aggregate's store.
 *
 * @internal
 */
export interface GovernanceStore
  extends TierStore,
    FactStore,
    ScorecardStore,
    ComplianceStore,
    WaiverStore,
    EntityRecordStore {}
