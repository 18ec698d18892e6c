import { makeStyles } from '@material-ui/core/styles';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import {
  CHECK_STATES,
  ComplianceGroup,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode } from 'react';
import { CheckStateIndicator } from '../CheckStateIndicator';
import { LevelDefinition } from '../LevelChip/levels';
import { ComplianceLevelCounts } from './ComplianceLevels';
import { formatPassingShare } from './PassingShare';

const useStyles = makeStyles(theme => ({
  tile: { padding: theme.spacing(1.5, 2), height: '100%' },
  value: { fontWeight: theme.typography.fontWeightBold as number },
  levels: { marginTop: theme.spacing(1) },
}));

function Tile(props: { label: ReactNode; value: ReactNode; testId: string }) {
  const classes = useStyles();
  return (
    <Paper variant="outlined" className={classes.tile}>
      <Typography variant="body2" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography
        variant="h5"
        component="div"
        className={classes.value}
        data-testid={props.testId}
      >
        {props.value}
      </Typography>
    </Paper>
  );
}

/**
 * The totals of the current filter: passing share, entities, checks by state, the entities at
 * each maturity level and how many are below the level their tier requires.
 */
export function ComplianceSummary(props: {
  totals: ComplianceGroup;
  levels: readonly LevelDefinition[];
}) {
  const classes = useStyles();
  const { entities, counts, belowRequired = 0 } = props.totals;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={4}>
        <Tile
          label="Checks passing"
          value={formatPassingShare(counts)}
          testId="compliance-passing-share"
        />
      </Grid>
      <Grid item xs={6} sm={4}>
        <Tile label="Entities" value={entities} testId="compliance-entities" />
      </Grid>
      <Grid item xs={6} sm={4}>
        <Tile
          label="Checks"
          value={counts.total}
          testId="compliance-total-total"
        />
      </Grid>
      {CHECK_STATES.map(state => (
        // Equal widths on one row from small screens up.
        <Grid item xs={6} sm key={state}>
          <Tile
            label={<CheckStateIndicator state={state} />}
            value={counts[state]}
            testId={`compliance-total-${state}`}
          />
        </Grid>
      ))}
      <Grid item xs={12} sm={8}>
        <Paper variant="outlined" className={classes.tile}>
          <Typography variant="body2" color="textSecondary" component="div">
            Entities by maturity level
          </Typography>
          <div className={classes.levels}>
            <ComplianceLevelCounts
              group={props.totals}
              levels={props.levels}
              data-testid="compliance-total-levels"
            />
          </div>
        </Paper>
      </Grid>
      <Grid item xs={12} sm={4}>
        <Tile
          label="Below the level their tier requires"
          value={belowRequired}
          testId="compliance-total-below-required"
        />
      </Grid>
    </Grid>
  );
}
