import { makeStyles } from '@material-ui/core/styles';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  ComplianceEntity,
  ComplianceFilter,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { CheckStateIndicator } from '../CheckStateIndicator';
import { TierChip } from '../TierChip';
import { CHECK_STATES } from './ComplianceSummary';
import { PassingShare } from './PassingShare';

const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;

const useStyles = makeStyles({
  table: { '& th': { whiteSpace: 'nowrap' } },
  share: { minWidth: 160 },
});

function CountsCell(props: { entity: ComplianceEntity }) {
  const { counts } = props.entity;
  // Only the states the entity has; five zeros per row would bury the ones that matter.
  const states = CHECK_STATES.filter(state => counts[state] > 0);
  if (states.length === 0) {
    return (
      <Typography variant="body2" component="span" color="textSecondary">
        no checks
      </Typography>
    );
  }
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 12 }}>
      {states.map(state => (
        <CheckStateIndicator
          key={state}
          state={state}
          count={counts[state]}
          data-testid={`compliance-entity-count-${state}`}
        />
      ))}
    </Box>
  );
}

function FailingCell(props: { failing: string[] }) {
  if (props.failing.length === 0) {
    return (
      <Typography variant="body2" component="span" color="textSecondary">
        none
      </Typography>
    );
  }
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
      {props.failing.map(checkId => (
        <Chip key={checkId} label={checkId} size="small" variant="outlined" />
      ))}
    </Box>
  );
}

/**
 * The entities matching the filter, least compliant first, one page at a time from the
 * backend. Mount it with a `key` per filter, so a new filter starts on the first page.
 */
export function ComplianceEntitiesTable(props: { filter: ComplianceFilter }) {
  const classes = useStyles();
  const { filter } = props;
  const governanceApi = useApi(governanceApiRef);
  const [page, setPage] = useState({ offset: 0, limit: DEFAULT_PAGE_SIZE });
  const { value, loading, error } = useAsync(
    () => governanceApi.getComplianceEntities(filter, page),
    [governanceApi, filter, page],
  );

  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return <Progress />;
  }
  if (value.totalItems === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No evaluated entity matches these filters.
      </Typography>
    );
  }
  return (
    <>
      {/* The previous page stays in place while the next one loads. */}
      {loading && <LinearProgress />}
      <Table size="small" aria-label="Entities" className={classes.table}>
        <TableHead>
          <TableRow>
            <TableCell>Entity</TableCell>
            <TableCell>Tier</TableCell>
            <TableCell>Checks</TableCell>
            <TableCell>Passing</TableCell>
            <TableCell>Failing checks</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.items.map(entity => (
            <TableRow
              key={entity.entityRef}
              data-testid={`compliance-entity-${entity.entityRef}`}
            >
              <TableCell component="th" scope="row">
                <EntityRefLink entityRef={entity.entityRef} />
              </TableCell>
              <TableCell>
                <TierChip tier={{ name: entity.tier }} />
              </TableCell>
              <TableCell>
                <CountsCell entity={entity} />
              </TableCell>
              <TableCell className={classes.share}>
                <PassingShare counts={entity.counts} />
              </TableCell>
              <TableCell>
                <FailingCell failing={entity.failing} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={value.totalItems}
        page={Math.floor(value.offset / value.limit)}
        rowsPerPage={value.limit}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_event, next) =>
          setPage({ offset: next * value.limit, limit: value.limit })
        }
        onRowsPerPageChange={event =>
          setPage({ offset: 0, limit: Number(event.target.value) })
        }
      />
    </>
  );
}
