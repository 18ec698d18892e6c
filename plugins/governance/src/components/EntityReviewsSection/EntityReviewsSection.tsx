import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  governanceReviewCreatePermission,
  isReviewClosed,
  ReviewItem,
  ReviewPage,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import { useGovernanceAsyncRetry } from '../../hooks/useGovernanceAsync';
import { AsyncContent } from '../AsyncContent';
import { useReviewKinds } from '../../hooks/useReviewKinds';
import {
  REVIEW_PRIORITY_LABELS,
  REVIEW_STATUS_LABELS,
  ReviewAdrLink,
  ReviewDueDate,
  reviewKindTitle,
  ReviewStatusChip,
} from '../ReviewStatusChip';
import { RequestReviewDialog } from './RequestReviewDialog';
import { ActionButton } from '../ActionButton';
import { LinkButton } from '../LinkButton';
import { OpenedAdrDialog, OpenedReviewDialog } from '../OpenedDialog';
import { SimpleTable, SimpleTableColumn } from '../SimpleTable';

const useStyles = makeStyles({
  // Short columns stay on one line and the title takes the rest; a narrow screen scrolls.
  scroll: { overflowX: 'auto' },
  table: {
    '& thead th, & tbody td': { whiteSpace: 'nowrap' },
    '& tbody th': { minWidth: 240 },
  },
  noWrap: { whiteSpace: 'nowrap' },
});

/** Open items first; the backend's order (priority, then age) stands within each group. */
function openFirst(items: ReviewItem[]): ReviewItem[] {
  return [...items].sort(
    (a, b) =>
      Number(isReviewClosed(a.status)) - Number(isReviewClosed(b.status)),
  );
}

/** The decision in one line, so a reader of the list sees why without opening the item. */
function DecisionLine(props: {
  item: ReviewItem;
  onOpenAdr: (id: string) => void;
}) {
  const { decision } = props.item;
  if (!decision) {
    return null;
  }
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      data-testid="governance-review-decision-line"
    >
      {REVIEW_STATUS_LABELS[decision.outcome]}: {decision.rationale}
      {decision.adr && (
        <>
          {' '}
          (<ReviewAdrLink adr={decision.adr} onOpenAdr={props.onOpenAdr} />)
        </>
      )}
    </Typography>
  );
}

function ReviewsTable(props: {
  items: ReviewItem[];
  onOpen: (id: string) => void;
  onOpenAdr: (id: string) => void;
}) {
  const classes = useStyles();
  const { items, onOpen, onOpenAdr } = props;
  const { kinds } = useReviewKinds();
  const columns: SimpleTableColumn<ReviewItem>[] = [
    {
      title: 'Title',
      rowHeader: true,
      render: item => (
        <>
          <LinkButton onClick={() => onOpen(item.id)}>{item.title}</LinkButton>
          <DecisionLine item={item} onOpenAdr={onOpenAdr} />
        </>
      ),
    },
    { title: 'Kind', render: item => reviewKindTitle(kinds, item.kind) },
    {
      title: 'Status',
      render: item => <ReviewStatusChip status={item.status} />,
    },
    {
      title: 'Priority',
      render: item => REVIEW_PRIORITY_LABELS[item.priority] ?? item.priority,
    },
    {
      title: 'Assignee',
      render: item =>
        item.assignee ? <EntityRefLink entityRef={item.assignee} /> : '—',
    },
    {
      title: 'Due',
      className: classes.noWrap,
      render: item => (
        <ReviewDueDate dueDate={item.dueDate} overdue={item.overdue} />
      ),
    },
  ];
  return (
    <div className={classes.scroll}>
      <SimpleTable
        label="Reviews"
        className={classes.table}
        columns={columns}
        rows={items}
        rowKey={item => item.id}
        rowTestId={item => `governance-review-${item.id}`}
      />
    </div>
  );
}

interface Received {
  entityRef: string;
  page: ReviewPage;
}

/** Props for {@link EntityReviewsSection}. */
export interface EntityReviewsSectionProps {
  entityRef: string;
}

/**
 * The architecture council's reviews of the entity, open ones first, each with its decision
 * when there is one; each opens in the review dialog. Users allowed to can request a review.
 */
export function EntityReviewsSection(props: EntityReviewsSectionProps) {
  const { entityRef } = props;
  const { allowed: canRequest } = usePermission({
    permission: governanceReviewCreatePermission,
  });
  // Answers are kept with the entity they are for: a page that moved on ignores the old ones.
  const {
    value: loaded,
    loading,
    error,
    retry,
  } = useGovernanceAsyncRetry(
    async (api): Promise<Received> => ({
      entityRef,
      page: await api.listReviews({ entityRef }),
    }),
    [entityRef],
  );
  const [requesting, setRequesting] = useState(false);
  const [openId, setOpenId] = useState<string>();
  const [openAdrId, setOpenAdrId] = useState<string>();
  const page = loaded?.entityRef === entityRef ? loaded.page : undefined;

  const content = (
    <AsyncContent
      // A failed refresh keeps the reviews already shown.
      error={page ? undefined : error}
      value={page}
      isEmpty={reviews => reviews.items.length === 0}
      empty="No reviews of this entity yet. Request one when a design, an ADR or a tier change needs the architecture council's decision."
      loading={loading}
    >
      {reviews => (
        <>
          <ReviewsTable
            items={openFirst(reviews.items)}
            onOpen={setOpenId}
            onOpenAdr={setOpenAdrId}
          />
          {reviews.totalCount > reviews.items.length && (
            <Typography variant="body2" color="textSecondary">
              Showing {reviews.items.length} of {reviews.totalCount} reviews;
              the review queue of the Architecture Council page lists them all.
            </Typography>
          )}
        </>
      )}
    </AsyncContent>
  );

  return (
    <InfoCard
      title="Reviews"
      subheader="The architecture council's reviews of this entity and their decisions."
      action={
        canRequest ? (
          <ActionButton onClick={() => setRequesting(true)}>
            Request review
          </ActionButton>
        ) : undefined
      }
    >
      <Box data-testid="governance-reviews">{content}</Box>
      {requesting && (
        <RequestReviewDialog
          entityRef={entityRef}
          onClose={() => setRequesting(false)}
          onRequested={retry}
        />
      )}
      <OpenedReviewDialog
        id={openId}
        onClose={() => setOpenId(undefined)}
        onChanged={retry}
      />
      <OpenedAdrDialog id={openAdrId} onClose={() => setOpenAdrId(undefined)} />
    </InfoCard>
  );
}
