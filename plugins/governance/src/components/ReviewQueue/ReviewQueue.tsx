import { makeStyles } from '@material-ui/core/styles';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import LinearProgress from '@material-ui/core/LinearProgress';
import MuiLink from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ReviewQuery } from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { governanceApiRef } from '../../api';
import { useReviewKinds } from '../../hooks/useReviewKinds';
import { formatDate } from '../EntityGovernanceContent/formatDate';
import { ReviewDialog } from '../ReviewDialog';
import {
  REVIEW_PRIORITY_LABELS,
  ReviewDueDate,
  ReviewOriginText,
  reviewKindTitle,
  ReviewStatusChip,
} from '../ReviewStatusChip';
import { ReviewQueueFilters } from './ReviewQueueFilters';
import {
  PAGE_SIZES,
  ReviewQueueState,
  useReviewQueueState,
} from './useReviewQueueState';

const useStyles = makeStyles(theme => ({
  // Seven columns fit a laptop screen: the kind and origin sit under the title instead of in
  // columns of their own. Only a narrower screen scrolls.
  scroll: { overflowX: 'auto' },
  table: {
    '& thead th': { whiteSpace: 'nowrap' },
    '& tbody th': { minWidth: 220 },
  },
  about: { display: 'block', marginTop: theme.spacing(0.25) },
  noWrap: { whiteSpace: 'nowrap' },
  overdue: { backgroundColor: theme.palette.errorBackground },
}));

/** The backend query for the queue's state; "me" is the signed-in user. */
function toQuery(
  state: ReviewQueueState,
  userEntityRef: () => Promise<string>,
): Promise<ReviewQuery> | ReviewQuery {
  const query: ReviewQuery = {
    status: state.status.length > 0 ? state.status : undefined,
    kind: state.kind.length > 0 ? state.kind : undefined,
    priority: state.priority.length > 0 ? state.priority : undefined,
    overdue: state.overdue || undefined,
    offset: state.offset,
    limit: state.limit,
  };
  if (state.assignee === 'unassigned') {
    return { ...query, assignee: '' };
  }
  if (state.assignee === 'me') {
    return userEntityRef().then(assignee => ({ ...query, assignee }));
  }
  return query;
}

/**
 * The Review queue tab of the Architecture Council page: every review item matching the
 * filters, open ones first, then by priority and age. The filters live in the URL, so a view
 * can be shared; each item opens in the review dialog, and changes there reload the queue.
 */
export function ReviewQueue() {
  const classes = useStyles();
  const { state, filtered, setFilters, setPage, resetFilters } =
    useReviewQueueState();
  const governanceApi = useApi(governanceApiRef);
  const identityApi = useApi(identityApiRef);
  const { kinds } = useReviewKinds();
  const {
    value: page,
    loading,
    error,
    retry,
  } = useAsyncRetry(async () => {
    const query = await toQuery(
      state,
      async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    );
    return governanceApi.listReviews(query);
  }, [governanceApi, identityApi, state]);
  const [openId, setOpenId] = useState<string>();

  let content: ReactNode;
  if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!page) {
    content = <Progress />;
  } else if (page.totalCount === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No review matches these filters.
      </Typography>
    );
  } else {
    content = (
      <>
        <div className={classes.scroll}>
          <Table
            size="small"
            aria-label="Review queue"
            className={classes.table}
          >
            <TableHead>
              <TableRow>
                <TableCell>Title</TableCell>
                <TableCell>Entity</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Priority</TableCell>
                <TableCell>Assignee</TableCell>
                <TableCell>Due</TableCell>
                <TableCell>Updated</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {page.items.map(item => (
                <TableRow
                  key={item.id}
                  data-testid={`governance-review-row-${item.id}`}
                >
                  <TableCell component="th" scope="row">
                    <MuiLink
                      component="button"
                      variant="body2"
                      align="left"
                      onClick={() => setOpenId(item.id)}
                    >
                      {item.title}
                    </MuiLink>
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      className={classes.about}
                      data-testid="governance-review-about"
                    >
                      {reviewKindTitle(kinds, item.kind)} ·{' '}
                      <ReviewOriginText origin={item.origin} />
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <EntityRefLink entityRef={item.entityRef} />
                  </TableCell>
                  <TableCell>
                    <ReviewStatusChip status={item.status} />
                  </TableCell>
                  <TableCell>
                    {REVIEW_PRIORITY_LABELS[item.priority] ?? item.priority}
                  </TableCell>
                  <TableCell>
                    {item.assignee ? (
                      <EntityRefLink entityRef={item.assignee} />
                    ) : (
                      'Unassigned'
                    )}
                  </TableCell>
                  <TableCell
                    className={
                      item.overdue
                        ? `${classes.noWrap} ${classes.overdue}`
                        : classes.noWrap
                    }
                  >
                    <ReviewDueDate
                      dueDate={item.dueDate}
                      overdue={item.overdue}
                    />
                  </TableCell>
                  <TableCell className={classes.noWrap}>
                    {formatDate(item.updatedAt)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <TablePagination
          component="div"
          count={page.totalCount}
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
    <InfoCard
      title="Review queue"
      subheader="Open items first, then the highest priority, then the oldest."
    >
      <div data-testid="governance-review-queue">
        <ReviewQueueFilters
          state={state}
          kinds={kinds}
          filtered={filtered}
          onChange={setFilters}
          onReset={resetFilters}
        />
        {/* The previous page stays in place while the next one loads. */}
        {loading && page && <LinearProgress />}
        {content}
      </div>
      {openId && (
        <ReviewDialog
          key={openId}
          reviewId={openId}
          onClose={() => setOpenId(undefined)}
          onChanged={retry}
        />
      )}
    </InfoCard>
  );
}
