import { makeStyles, Theme } from '@material-ui/core/styles';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { Campaign } from '@catalog-governance/backstage-plugin-governance-common';
import { filledChip, quietChip } from '../../lib/chipColors';
import { utcToday } from '../../lib/days';

const useStyles = makeStyles<Theme>(theme => ({
  bar: { flexGrow: 1, minWidth: 80, height: 8, borderRadius: 4 },
  done: filledChip(theme.palette.success),
  'not-done': filledChip(theme.palette.info),
  overdue: filledChip(theme.palette.error),
  active: filledChip(theme.palette.primary),
  closed: quietChip(theme),
}));

/** Whether the deadline has passed with entities still to do. */
export function isCampaignOverdue(
  campaign: Pick<Campaign, 'deadline' | 'state'>,
  today = utcToday(),
): boolean {
  return campaign.state === 'active' && campaign.deadline < today;
}

/** How many of the campaign's entities are done, as a bar and in words. */
export function CampaignProgress(props: { progress: Campaign['progress'] }) {
  const classes = useStyles();
  const { done, total } = props.progress;
  const share = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <Box
      display="flex"
      alignItems="center"
      style={{ gap: 8 }}
      data-testid="governance-campaign-progress"
    >
      <LinearProgress
        variant="determinate"
        value={share}
        className={classes.bar}
        aria-label={`${done} of ${total} done`}
      />
      <Typography variant="body2" style={{ whiteSpace: 'nowrap' }}>
        {done} of {total} done
      </Typography>
    </Box>
  );
}

const STATE_LABELS = {
  done: 'Done',
  'not-done': 'Not done',
  overdue: 'Overdue',
  active: 'Active',
  closed: 'Closed',
} as const;

/** A campaign's state, or one entity's state in it, as a chip with the state in words. */
export function CampaignStateChip(props: { state: keyof typeof STATE_LABELS }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={STATE_LABELS[props.state]}
      className={classes[props.state]}
      data-testid="governance-campaign-state"
      data-state={props.state}
    />
  );
}
