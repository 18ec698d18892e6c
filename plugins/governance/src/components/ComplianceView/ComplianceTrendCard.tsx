import { InfoCard } from '@backstage/core-components';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { ComplianceFilter } from '@catalog-governance/backstage-plugin-governance-common';
import { useGovernanceAsync } from '../../hooks/useGovernanceAsync';
import { PassingShareTrend } from '../PassingShareTrend';
import { TREND_RANGES } from './useComplianceViewState';

/** The daily share of passing checks of the entities matching the filter. */
export function ComplianceTrendCard(props: {
  filter: ComplianceFilter;
  days: number;
  onDaysChange: (days: number) => void;
}) {
  const { filter, days, onDaysChange } = props;
  const { value, error } = useGovernanceAsync(
    api => api.getComplianceTrend(filter, days),
    [filter, days],
  );

  return (
    <InfoCard
      title="Checks passing over time"
      action={
        <ToggleButtonGroup
          size="small"
          exclusive
          value={days}
          // Clicking the selected range again would deselect it; keep one selected.
          onChange={(_event, next: number | null) => next && onDaysChange(next)}
          aria-label="Trend range"
        >
          {TREND_RANGES.map(range => (
            <ToggleButton key={range} value={range}>
              {range} days
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      }
    >
      <PassingShareTrend
        days={days}
        points={value?.points.map(point => ({
          date: point.day,
          passing: point.counts.pass,
          total: point.counts.total,
        }))}
        error={error}
        data-testid="compliance-trend"
      />
    </InfoCard>
  );
}
