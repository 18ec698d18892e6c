import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  COMPLIANCE_GROUP_BY,
  ComplianceGroupBy,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { ComplianceEntitiesTable } from './ComplianceEntitiesTable';
import { ComplianceFilterBar } from './ComplianceFilterBar';
import { DIMENSION_LABELS } from './ComplianceGroupName';
import { ComplianceGroupsTable } from './ComplianceGroupsTable';
import { ComplianceSummary } from './ComplianceSummary';
import { ComplianceTrendCard } from './ComplianceTrendCard';
import { ExportCsvButton } from '../ExportCsvButton';
import { useLevelDefinitions } from '../../hooks/useLevelDefinitions';
import {
  filteredDimensions,
  useComplianceViewState,
} from './useComplianceViewState';

function GroupBySelector(props: {
  value: ComplianceGroupBy;
  onChange: (groupBy: ComplianceGroupBy) => void;
}) {
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <Typography
        variant="body2"
        color="textSecondary"
        id="compliance-group-by"
      >
        Group by
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={props.value}
        // Clicking the selected dimension again would deselect it; keep one selected.
        onChange={(_event, next: ComplianceGroupBy | null) =>
          next && props.onChange(next)
        }
        aria-labelledby="compliance-group-by"
      >
        {COMPLIANCE_GROUP_BY.map(dimension => (
          <ToggleButton key={dimension} value={dimension}>
            {DIMENSION_LABELS[dimension]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
}

function NoResultsYet() {
  return (
    <EmptyState
      missing="data"
      title="No scorecard results yet"
      description={`Entities show up here once they carry a ${GOVERNANCE_ANNOTATIONS.tier} annotation in their catalog-info.yaml and the scheduled evaluation has scored them against their tier. Results appear after the next evaluation.`}
    />
  );
}

/**
 * The Compliance tab of the Architecture Council page: current scorecard results and maturity
 * levels rolled up by owner, system, domain or tier, narrowed step by step down to the entities,
 * with the trend and CSV exports of what is on screen. The view lives in the URL, so it can be
 * shared.
 */
export function ComplianceView() {
  const {
    groupBy,
    filter,
    days,
    setGroupBy,
    narrow,
    removeFilter,
    clearFilters,
    setDays,
  } = useComplianceViewState();
  const governanceApi = useApi(governanceApiRef);
  const levels = useLevelDefinitions();
  const {
    value: rollup,
    loading,
    error,
  } = useAsync(
    () => governanceApi.getComplianceRollup(groupBy, filter),
    [governanceApi, groupBy, filter],
  );
  const filtered = filteredDimensions(filter).length > 0;

  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!rollup) {
    return <Progress />;
  }
  if (rollup.totals.entities === 0 && !filtered) {
    return <NoResultsYet />;
  }

  return (
    <Grid container spacing={3}>
      {filtered && (
        <Grid item xs={12}>
          <ComplianceFilterBar
            filter={filter}
            onRemove={removeFilter}
            onClear={clearFilters}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        {/* The previous roll-up stays in place while the next one loads. */}
        {loading && <LinearProgress />}
        <ComplianceSummary totals={rollup.totals} levels={levels} />
      </Grid>
      <Grid item xs={12}>
        <ComplianceTrendCard
          filter={filter}
          days={days}
          onDaysChange={setDays}
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={`By ${rollup.groupBy}`}
          subheader="Least passing first. Pick a row to narrow the view to it."
          action={
            <Box display="flex" alignItems="flex-start" style={{ gap: 16 }}>
              <GroupBySelector value={groupBy} onChange={setGroupBy} />
              <ExportCsvButton
                load={() =>
                  governanceApi.exportComplianceCsv({
                    view: 'groups',
                    groupBy,
                    filter,
                  })
                }
                filename={`compliance-by-${groupBy}.csv`}
                disabled={rollup.groups.length === 0}
              />
            </Box>
          }
        >
          {rollup.groups.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              No evaluated entity matches these filters.
            </Typography>
          ) : (
            <ComplianceGroupsTable
              // Rows always name groups of the roll-up they came from, even while the next loads.
              groupBy={rollup.groupBy}
              groups={rollup.groups}
              onNarrow={narrow}
              levels={levels}
            />
          )}
        </InfoCard>
      </Grid>
      {filtered && (
        <Grid item xs={12}>
          <InfoCard
            title="Entities"
            subheader="Least compliant first."
            action={
              <ExportCsvButton
                load={() =>
                  governanceApi.exportComplianceCsv({
                    view: 'entities',
                    filter,
                  })
                }
                filename="compliance-entities.csv"
                disabled={rollup.totals.entities === 0}
              />
            }
          >
            <ComplianceEntitiesTable
              // A new filter starts again on the first page.
              key={JSON.stringify(filter)}
              filter={filter}
              levels={levels}
            />
          </InfoCard>
        </Grid>
      )}
    </Grid>
  );
}
