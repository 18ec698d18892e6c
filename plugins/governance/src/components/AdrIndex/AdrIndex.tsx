import { makeStyles } from '@material-ui/core/styles';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import LinearProgress from '@material-ui/core/LinearProgress';
import MuiLink from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import {
  AdrIndexQuery,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { governanceApiRef } from '../../api';
import { AdrDialog } from '../AdrDialog';
import { AdrStatusChip, RetrospectiveStateChip } from '../AdrStatusChip';
import { AdrIndexFilters } from './AdrIndexFilters';
import {
  AdrIndexPreset,
  AdrIndexSort,
  ALL_ADRS,
  PAGE_SIZES,
  useAdrIndexState,
} from './useAdrIndexState';

const useStyles = makeStyles({
  table: { '& th': { whiteSpace: 'nowrap' } },
  noWrap: { whiteSpace: 'nowrap' },
});

function Muted(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" component="span" color="textSecondary">
      {props.children}
    </Typography>
  );
}

function SortableHeader(props: {
  column: AdrIndexSort;
  query: AdrIndexQuery;
  onSort: (column: AdrIndexSort) => void;
  children: ReactNode;
}) {
  const { column, query, onSort, children } = props;
  const active = query.sort === column;
  return (
    <TableCell sortDirection={active ? query.order : false}>
      <TableSortLabel
        active={active}
        direction={active ? query.order : 'asc'}
        onClick={() => onSort(column)}
      >
        {children}
      </TableSortLabel>
    </TableCell>
  );
}

/** Props for {@link AdrIndex}. */
export interface AdrIndexProps {
  /** Which ADRs, sorted how, with which filters; every ADR, newest first, by default. */
  preset?: AdrIndexPreset;
  title?: string;
  /** Shown when no ADR matches and no filter is set. */
  emptyTitle?: string;
  emptyDescription?: string;
}

/**
 * The ADRs of every entity, filtered, sorted and paginated by the backend. The query lives in
 * the URL, so a view can be linked; each ADR opens in the ADR dialog.
 */
export function AdrIndex(props: AdrIndexProps) {
  const classes = useStyles();
  const {
    preset = ALL_ADRS,
    title = 'Architecture decisions',
    emptyTitle = 'No ADRs yet',
    emptyDescription = `ADRs show up here once entities point the ${GOVERNANCE_ANNOTATIONS.adrLocation} annotation at the folder holding their architecture decision records, and the backend has read them.`,
  } = props;
  const { query, filtered, setFilters, sortBy, setPage, clearFilters } =
    useAdrIndexState(preset);
  const governanceApi = useApi(governanceApiRef);
  const {
    value: page,
    loading,
    error,
    retry,
  } = useAsyncRetry(
    () => governanceApi.getAdrIndex(query),
    [governanceApi, query],
  );
  const [openId, setOpenId] = useState<string>();

  let content: ReactNode;
  if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!page) {
    content = <Progress />;
  } else if (page.totalItems === 0 && !filtered) {
    content = (
      <EmptyState
        missing="data"
        title={emptyTitle}
        description={emptyDescription}
      />
    );
  } else if (page.totalItems === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No ADR matches these filters.
      </Typography>
    );
  } else {
    content = (
      <>
        <Table size="small" aria-label={title} className={classes.table}>
          <TableHead>
            <TableRow>
              <SortableHeader column="entity" query={query} onSort={sortBy}>
                Entity
              </SortableHeader>
              <TableCell>No.</TableCell>
              <SortableHeader column="title" query={query} onSort={sortBy}>
                Title
              </SortableHeader>
              <TableCell>Status</TableCell>
              <SortableHeader column="date" query={query} onSort={sortBy}>
                Date
              </SortableHeader>
              <TableCell>Owner</TableCell>
              <TableCell>Retrospective</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.items.map(adr => (
              <TableRow
                key={adr.id}
                data-testid={`governance-adr-index-row-${adr.id}`}
              >
                <TableCell>
                  <EntityRefLink entityRef={adr.entityRef} />
                </TableCell>
                <TableCell>{adr.number ?? <Muted>—</Muted>}</TableCell>
                <TableCell component="th" scope="row">
                  <MuiLink
                    component="button"
                    variant="body2"
                    align="left"
                    onClick={() => setOpenId(adr.id)}
                  >
                    {adr.title}
                  </MuiLink>
                </TableCell>
                <TableCell>
                  <AdrStatusChip adr={adr} onOpenAdr={setOpenId} />
                </TableCell>
                <TableCell className={classes.noWrap}>
                  {adr.date ?? <Muted>—</Muted>}
                </TableCell>
                <TableCell>
                  {adr.owner ? (
                    <EntityRefLink entityRef={adr.owner} />
                  ) : (
                    <Muted>none</Muted>
                  )}
                </TableCell>
                <TableCell>
                  <RetrospectiveStateChip retrospective={adr.retrospective} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <TablePagination
          component="div"
          count={page.totalItems}
          page={Math.floor(page.offset / page.limit)}
          rowsPerPage={page.limit}
          rowsPerPageOptions={PAGE_SIZES}
          onPageChange={(_event, next) =>
            setPage(next * page.limit, page.limit)
          }
          onRowsPerPageChange={event => setPage(0, Number(event.target.value))}
        />
      </>
    );
  }

  return (
    <InfoCard title={title}>
      <div data-testid="governance-adr-index">
        <AdrIndexFilters
          query={query}
          filters={preset.filters}
          filtered={filtered}
          onChange={setFilters}
          onClear={clearFilters}
        />
        {/* The previous page stays in place while the next one loads. */}
        {loading && page && <LinearProgress />}
        {content}
      </div>
      {openId && (
        <AdrDialog
          key={openId}
          adrId={openId}
          onClose={() => setOpenId(undefined)}
          onChanged={retry}
        />
      )}
    </InfoCard>
  );
}
