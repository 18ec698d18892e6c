import { makeStyles } from '@material-ui/core/styles';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import ZoomInIcon from '@material-ui/icons/ZoomIn';
import {
  CHECK_STATES,
  ComplianceGroup,
  ComplianceGroupBy,
} from '@catalog-governance/backstage-plugin-governance-common';
import { CheckStateIndicator } from '../CheckStateIndicator';
import {
  ComplianceGroupName,
  DIMENSION_LABELS,
  describeGroupKey,
} from './ComplianceGroupName';
import { LevelDefinition } from '../LevelChip/levels';
import { ComplianceLevelCounts } from './ComplianceLevels';
import { PassingShare } from './PassingShare';

const useStyles = makeStyles(theme => ({
  // Headers stay on one line, except the two-word counts, which wrap so that the table fits a
  // laptop screen (1280 px) without scrolling sideways.
  table: {
    '& th': { whiteSpace: 'nowrap' },
    '& $wrappingHeader': { whiteSpace: 'normal', minWidth: 72 },
  },
  wrappingHeader: {},
  row: { cursor: 'pointer' },
  number: { fontVariantNumeric: 'tabular-nums' },
  share: { minWidth: 160 },
  action: { padding: theme.spacing(0.5) },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

/** Counts a backend may leave out (one from before them): shown as 0. */
const GROUP_COUNTS = [
  { field: 'belowRequired', testId: 'compliance-group-below-required' },
  {
    field: 'dependencyMismatches',
    testId: 'compliance-group-dependency-mismatches',
  },
] as const;

/**
 * The roll-up of the current filter, one row per group, least passing first as the backend
 * sorts them. Picking a row narrows the view to that group.
 */
export function ComplianceGroupsTable(props: {
  groupBy: ComplianceGroupBy;
  groups: ComplianceGroup[];
  onNarrow: (dimension: ComplianceGroupBy, key: string | undefined) => void;
  /** The configured levels, lowest first: the order and titles of the level counts. */
  levels: readonly LevelDefinition[];
}) {
  const classes = useStyles();
  const { groupBy, groups, onNarrow, levels } = props;
  return (
    <Table
      size="small"
      aria-label={`Compliance by ${groupBy}`}
      className={classes.table}
    >
      <TableHead>
        <TableRow>
          <TableCell>{DIMENSION_LABELS[groupBy]}</TableCell>
          <TableCell align="right">Entities</TableCell>
          {CHECK_STATES.map(state => (
            <TableCell key={state} align="right">
              <CheckStateIndicator
                state={state}
                data-testid={`compliance-column-${state}`}
              />
            </TableCell>
          ))}
          <TableCell>Passing</TableCell>
          <TableCell>Levels</TableCell>
          <TableCell
            align="right"
            className={classes.wrappingHeader}
            title="Entities below the maturity level their tier requires"
          >
            Below required
          </TableCell>
          <TableCell
            align="right"
            className={classes.wrappingHeader}
            title="Dependencies below the tier of the entity that depends on them (not waived, not accepted in an ADR)"
          >
            Dependency mismatches
          </TableCell>
          <TableCell padding="checkbox">
            <span className={classes.visuallyHidden}>Narrow</span>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {groups.map(group => {
          const name = describeGroupKey(groupBy, group.key);
          return (
            <TableRow
              key={group.key ?? ''}
              hover
              className={classes.row}
              onClick={() => onNarrow(groupBy, group.key)}
              data-testid={`compliance-group-${group.key || 'none'}`}
            >
              <TableCell component="th" scope="row">
                <ComplianceGroupName dimension={groupBy} value={group.key} />
              </TableCell>
              <TableCell align="right" className={classes.number}>
                {group.entities}
              </TableCell>
              {CHECK_STATES.map(state => (
                <TableCell key={state} align="right" className={classes.number}>
                  {group.counts[state]}
                </TableCell>
              ))}
              <TableCell className={classes.share}>
                <PassingShare counts={group.counts} />
              </TableCell>
              <TableCell>
                <ComplianceLevelCounts
                  group={group}
                  levels={levels}
                  data-testid="compliance-group-levels"
                />
              </TableCell>
              {GROUP_COUNTS.map(({ field, testId }) => (
                <TableCell
                  key={field}
                  align="right"
                  className={classes.number}
                  data-testid={testId}
                >
                  {group[field] ?? 0}
                </TableCell>
              ))}
              <TableCell padding="checkbox">
                {/* The row is clickable for the mouse; this is the same for the keyboard. */}
                <IconButton
                  size="small"
                  className={classes.action}
                  aria-label={`Narrow to ${name}`}
                  title={`Narrow to ${name}`}
                  onClick={event => {
                    event.stopPropagation();
                    onNarrow(groupBy, group.key);
                  }}
                >
                  <ZoomInIcon fontSize="small" />
                </IconButton>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
