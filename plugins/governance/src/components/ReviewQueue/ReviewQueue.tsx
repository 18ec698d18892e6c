import { makeStyles, useTheme } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import {
  ReviewItem,
  ReviewKind,
  ReviewQuery,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { governanceApiRef } from '../../api';
import { AsyncContent } from '../AsyncContent';
import { useReviewKinds } from '../../hooks/useReviewKinds';
import { formatDate } from '../EntityGovernanceContent/formatDate';
import { OpenedReviewDialog } from '../OpenedDialog';
import {
  REVIEW_PRIORITY_LABELS,
  ReviewDueDate,
  ReviewOriginText,
  reviewKindTitle,
  ReviewStatusChip,
} from '../ReviewStatusChip';
import { ServerPagedColumn, ServerPagedTable } from '../ServerPagedTable';
import { ReviewQueueFilters } from './ReviewQueueFilters';
import { ReviewQueueState, useReviewQueueState } from './useReviewQueueState';
import { LinkButton } from '../LinkButton';

const useStyles = makeStyles(theme => ({
  about: { display: 'block', marginTop: theme.spacing(0.25) },
}));

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/**
 * Seven columns fit a laptop screen: the kind and origin sit under the title instead of in
 * columns of their own. Only a narrower screen scrolls.
 */
function useReviewColumns(
  kinds: ReviewKind[],
  onOpen: (id: string) => void,
): ServerPagedColumn<ReviewItem>[] {
  const classes = useStyles();
  const theme = useTheme();
  return useMemo(
    () => [
      {
        title: 'Title',
        headerStyle: NO_WRAP,
        cellStyle: { minWidth: 220 },
        render: item => (
          <>
            <LinkButton onClick={() => onOpen(item.id)}>
              {item.title}
            </LinkButton>
            <Typography
              variant="caption"
              color="textSecondary"
              className={classes.about}
              data-testid="governance-review-about"
            >
              {reviewKindTitle(kinds, item.kind)} ·{' '}
              <ReviewOriginText origin={item.origin} />
            </Typography>
          </>
        ),
      },
      {
        title: 'Entity',
        headerStyle: NO_WRAP,
        render: item => <EntityRefLink entityRef={item.entityRef} />,
      },
      {
        title: 'Status',
        headerStyle: NO_WRAP,
        render: item => (
          <ReviewStatusChip
            status={item.status}
            causeCleared={item.causeCleared}
          />
        ),
      },
      {
        title: 'Priority',
        headerStyle: NO_WRAP,
        render: item => REVIEW_PRIORITY_LABELS[item.priority] ?? item.priority,
      },
      {
        title: 'Assignee',
        headerStyle: NO_WRAP,
        render: item =>
          item.assignee ? (
            <EntityRefLink entityRef={item.assignee} />
          ) : (
            'Unassigned'
          ),
      },
      {
        title: 'Due',
        headerStyle: NO_WRAP,
        cellStyle: (_value: unknown, item: ReviewItem) =>
          item.overdue
            ? { ...NO_WRAP, backgroundColor: theme.palette.errorBackground }
            : NO_WRAP,
        render: item => (
          <ReviewDueDate dueDate={item.dueDate} overdue={item.overdue} />
        ),
      },
      {
        title: 'Updated',
        headerStyle: NO_WRAP,
        cellStyle: NO_WRAP,
        render: item => formatDate(item.updatedAt),
      },
    ],
    [classes, theme, kinds, onOpen],
  );
}

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
  const columns = useReviewColumns(kinds, setOpenId);

  const content = (
    <AsyncContent
      error={error}
      value={page}
      isEmpty={reviews => reviews.totalCount === 0}
      empty="No review matches these filters."
    >
      {reviews => (
        <ServerPagedTable
          title="Review queue"
          columns={columns}
          page={reviews}
          onPageChange={setPage}
          rowTestId={item => `governance-review-row-${item.id}`}
        />
      )}
    </AsyncContent>
  );

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
      <OpenedReviewDialog
        id={openId}
        onClose={() => setOpenId(undefined)}
        onChanged={retry}
      />
    </InfoCard>
  );
}
