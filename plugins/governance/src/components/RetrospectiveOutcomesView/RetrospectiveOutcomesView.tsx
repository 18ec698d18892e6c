import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { RecordedRetrospective } from '@catalog-governance/backstage-plugin-governance-common';
import { useGovernanceAsync } from '../../hooks/useGovernanceAsync';
import { RETROSPECTIVE_OUTCOME_LABELS } from '../AdrDialog/RetrospectiveOutcomeLabel';
import { SimpleTable } from '../SimpleTable';

// Dates, refs and outcomes are read whole; the decision and lessons wrap instead.
const useStyles = makeStyles({ nowrap: { whiteSpace: 'nowrap' } });

function adrName(item: RecordedRetrospective): string {
  const title = item.adrTitle ?? 'ADR no longer read';
  return item.adrNumber !== undefined
    ? `ADR ${item.adrNumber}: ${title}`
    : title;
}

/**
 * What the organisation's retrospectives concluded: how many decisions were validated, partly
 * validated or reversed, and the retrospectives newest first with their lessons.
 */
export function RetrospectiveOutcomesView() {
  const classes = useStyles();
  const { value, loading, error } = useGovernanceAsync(api =>
    api.listRetrospectives(),
  );

  let content;
  if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (loading || !value) {
    content = <Progress />;
  } else {
    content = (
      <>
        <Box
          display="flex"
          flexWrap="wrap"
          style={{ gap: 8 }}
          mb={2}
          aria-label="Outcomes"
          role="list"
        >
          {value.counts.map(({ outcome, count }) => (
            <Chip
              key={outcome}
              role="listitem"
              data-testid={`governance-retrospective-count-${outcome}`}
              label={`${RETROSPECTIVE_OUTCOME_LABELS[outcome]}: ${count}`}
              variant="outlined"
            />
          ))}
        </Box>
        {value.items.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No retrospective has been recorded yet. Open an accepted ADR to
            record one.
          </Typography>
        ) : (
          <SimpleTable
            label="Recorded retrospectives"
            rows={value.items}
            rowKey={item => item.retrospective.id}
            rowTestId={item =>
              `governance-retrospective-outcome-${item.retrospective.id}`
            }
            columns={[
              {
                title: 'Held on',
                className: classes.nowrap,
                render: item => item.retrospective.date,
              },
              {
                title: 'Decision',
                rowHeader: true,
                render: item => adrName(item),
              },
              {
                title: 'Entity',
                className: classes.nowrap,
                render: item => <EntityRefLink entityRef={item.entityRef} />,
              },
              {
                title: 'Outcome',
                className: classes.nowrap,
                render: item =>
                  RETROSPECTIVE_OUTCOME_LABELS[item.retrospective.outcome],
              },
              {
                title: 'Lessons',
                render: item => item.retrospective.lessons ?? '—',
              },
            ]}
          />
        )}
      </>
    );
  }

  return (
    <Box mb={3} data-testid="governance-retrospective-outcomes">
      <InfoCard title="Retrospective outcomes">{content}</InfoCard>
    </Box>
  );
}
