import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useEntityGovernanceSummary } from '../../hooks/useEntityGovernanceSummary';
import { AnnotationProblemsAlert } from '../AnnotationProblemsAlert';
import { EntityAdrsSection } from '../EntityAdrsSection';
import { EntityCampaignsSection } from '../EntityCampaignsSection';
import { EntityReviewsSection } from '../EntityReviewsSection';
import { GovernanceEmptyState } from '../GovernanceEmptyState';
import { DecisionScopeSection } from './DecisionScopeSection';
import { LevelSection } from './LevelSection';
import { OwnershipSection } from './OwnershipSection';
import { ScorecardSection } from './ScorecardSection';
import { TierSection } from './TierSection';

/** The sections that list what was decided, reviewed and campaigned about the entity, in order. */
const ENTITY_RECORD_SECTIONS = {
  adrs: EntityAdrsSection,
  reviews: EntityReviewsSection,
  campaigns: EntityCampaignsSection,
};

/**
 * The Governance tab of an entity page: tier, maturity level, scorecard, ownership, the owning
 * team's decision scope, its architecture decisions, the council's reviews of it and any invalid
 * governance annotations.
 *
 * @public
 */
export function EntityGovernanceContent() {
  const {
    entity,
    summary,
    loading,
    reloading,
    error,
    retry,
    refreshScorecard,
    refreshing,
    refreshError,
  } = useEntityGovernanceSummary();

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!summary) {
    // useAsync settles with either a value or an error, so this only satisfies the types.
    return null;
  }
  if (!summary.annotated) {
    return <GovernanceEmptyState entityName={entity.metadata.name} />;
  }

  return (
    <Grid container spacing={3} alignItems="stretch">
      {summary.problems.length > 0 && (
        <Grid item xs={12}>
          <AnnotationProblemsAlert
            problems={summary.problems}
            validationMode={summary.validationMode}
          />
        </Grid>
      )}
      {/* Tier and level are short: stacked, they share a row with ownership, whose labels and
          links need half the width. */}
      <Grid item xs={12} md={6}>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <TierSection tier={summary.tier} />
          </Grid>
          <Grid item xs={12}>
            <LevelSection summary={summary} />
          </Grid>
        </Grid>
      </Grid>
      <Grid item xs={12} md={6}>
        <OwnershipSection ownership={summary.ownership} />
      </Grid>
      <Grid item xs={12}>
        <ScorecardSection
          entityRef={summary.entityRef}
          scorecard={summary.scorecard}
          onRefresh={refreshScorecard}
          refreshing={refreshing}
          refreshError={refreshError}
          onChanged={retry}
          reloading={reloading}
          levels={summary.level?.levels}
        />
      </Grid>
      <Grid item xs={12}>
        <DecisionScopeSection decisionScope={summary.decisionScope} />
      </Grid>
      {Object.entries(ENTITY_RECORD_SECTIONS).map(([name, Section]) => (
        <Grid item xs={12} key={name}>
          <Section entityRef={summary.entityRef} />
        </Grid>
      ))}
    </Grid>
  );
}
