import { makeStyles } from '@material-ui/core/styles';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  AdrImpactPoint,
  CHECK_STATES,
  CheckState,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { CheckStateIndicator } from '../CheckStateIndicator';
import { formatDate } from '../EntityGovernanceContent/formatDate';
import { describeError, reasonOf, statusOf } from '../../lib/describeError';
import { Muted } from '../Muted';
import { SimpleTable } from '../SimpleTable';
import { DeliveryMetricsImpact } from './DeliveryMetricsImpact';

/** The windows a council can look at, in weeks on either side of the decision. */
const WINDOWS = [4, 8, 12];

const CHECK_TITLES: Record<string, string> = {
  'p95-latency': 'p95 latency',
  availability: 'Availability',
  coverage: 'Test coverage',
};

const useStyles = makeStyles({
  table: { '& th': { whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } },
});

function Points(props: { points: AdrImpactPoint[] }) {
  if (props.points.length === 0) {
    return <Muted>no measurement</Muted>;
  }
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
      {props.points.map((point, index) => (
        <Box
          key={`${point.at}-${index}`}
          display="flex"
          alignItems="baseline"
          flexWrap="wrap"
          style={{ gap: 8 }}
        >
          <strong>{point.actual ?? '—'}</strong>
          {(CHECK_STATES as readonly string[]).includes(point.state) && (
            <CheckStateIndicator state={point.state as CheckState} />
          )}
          <Typography variant="caption" color="textSecondary">
            <time dateTime={point.at}>{formatDate(point.at)}</time>
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** Props for {@link AdrImpactSection}. */
export interface AdrImpactSectionProps {
  adr: { id: string; date?: string };
}

/**
 * What the decision did: the delivery metrics of the entities it governs, median before against
 * median after (the backend's `governance.impact.windowDays` until a window is picked), and the
 * entity's measured checks in the weeks before the ADR's date beside the weeks from it on.
 */
export function AdrImpactSection(props: AdrImpactSectionProps) {
  const classes = useStyles();
  const { adr } = props;
  const governanceApi = useApi(governanceApiRef);
  // Undefined: the backend's configured window.
  const [weeks, setWeeks] = useState<number | undefined>(undefined);
  const {
    value: impact,
    loading,
    error,
  } = useAsync(
    async () =>
      adr.date ? governanceApi.getAdrImpact(adr.id, weeks) : undefined,
    [governanceApi, adr.id, adr.date, weeks],
  );

  if (!adr.date) {
    return (
      <Typography variant="body2" color="textSecondary">
        This ADR has no date, so there is nothing to measure its impact from.
      </Typography>
    );
  }

  let content;
  if (error) {
    // The backend answers 400 with its reason for an ADR it cannot measure, e.g. without a date.
    content =
      statusOf(error) === 400 ? (
        <Alert severity="info">{reasonOf(error)}</Alert>
      ) : (
        <Alert severity="error">
          The impact could not be loaded. {describeError(error)}
        </Alert>
      );
  } else if (!impact) {
    content = <Progress />;
  } else if (
    impact.checks.every(c => c.before.length === 0 && c.after.length === 0) &&
    impact.metrics.every(
      m => m.before.points.length === 0 && m.after.points.length === 0,
    )
  ) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No measurements in the {impact.windowDays} days around the decision.
      </Typography>
    );
  } else {
    content = (
      <>
        {loading && <LinearProgress />}
        <DeliveryMetricsImpact
          metrics={impact.metrics}
          windowDays={impact.windowDays}
          entityRefs={impact.entityRefs}
        />
        <Typography variant="subtitle2">
          Checks in the {impact.weeks} weeks around {impact.date}
        </Typography>
        <SimpleTable
          label="Decision impact"
          className={classes.table}
          columns={[
            {
              title: 'Check',
              rowHeader: true,
              render: check => CHECK_TITLES[check.checkId] ?? check.checkId,
            },
            {
              title: `Before ${impact.date}`,
              render: check => <Points points={check.before} />,
            },
            {
              title: `From ${impact.date}`,
              render: check => <Points points={check.after} />,
            },
          ]}
          rows={impact.checks}
          rowKey={check => check.checkId}
          rowTestId={check => `governance-adr-impact-${check.checkId}`}
        />
      </>
    );
  }

  return (
    <Box data-testid="governance-adr-impact">
      <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
        <Typography
          variant="body2"
          color="textSecondary"
          id={`governance-adr-impact-weeks-${adr.id}`}
        >
          Weeks on either side of {adr.date}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={weeks ?? null}
          onChange={(_event, next: number | null) => next && setWeeks(next)}
          aria-labelledby={`governance-adr-impact-weeks-${adr.id}`}
        >
          {WINDOWS.map(value => (
            <ToggleButton key={value} value={value}>
              {value}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {content}
    </Box>
  );
}
