import { makeStyles } from '@material-ui/core/styles';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  governanceReviewDecidePermission,
  governanceReviewTriagePermission,
  canMoveReview,
  isReviewClosed,
  REVIEW_TRANSITIONS,
  ReviewItemDetail,
  reviewTriggerTitle,
  TRADE_OFF_REVIEW_KIND,
  TradeOffMatrix,
} from '@catalog-governance/backstage-plugin-governance-common';
import { TradeOffMatrixSection } from '../TradeOffMatrix';
import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef, ReviewConflictError } from '../../api';
import { useReviewKinds } from '../../hooks/useReviewKinds';
import { AdrDialog } from '../AdrDialog';
import { describeError } from '../../lib/describeError';
import {
  formatDate,
  formatDateTime,
} from '../EntityGovernanceContent/formatDate';
import {
  REVIEW_PRIORITY_LABELS,
  REVIEW_STATUS_LABELS,
  ReviewAdrLink,
  ReviewDueDate,
  ReviewOriginText,
  reviewKindTitle,
  ReviewStatusChip,
} from '../ReviewStatusChip';
import {
  allowedDecisions,
  ReviewDecisionForm,
  WaiverGrant,
} from './ReviewDecisionForm';
import { ReviewDiscussion, ReviewHistory } from './ReviewDiscussion';
import { RecordAdrLink } from './RecordAdrLink';
import { ReviewChange, ReviewTriageForm } from './ReviewTriageForm';
import {
  DetailDialog,
  DialogSection,
  FactList,
  LoadingDetail,
} from '../DialogSection';
import { Notice, NoticeAlert } from '../NoticeAlert';

/** What the dialog says when someone else's change got in first. */
export const REVIEW_CONFLICT_MESSAGE =
  'Someone else changed this review while you were editing. The latest version is shown; check it and try again.';

const useStyles = makeStyles({
  text: { whiteSpace: 'pre-wrap' },
});

/** A conflict thrown by this bundle's client, or by another copy of it. */
function isConflict(error: unknown): error is ReviewConflictError {
  return (
    error instanceof ReviewConflictError ||
    (error instanceof Error &&
      error.name === 'ReviewConflictError' &&
      'current' in error)
  );
}

function ReviewFacts(props: {
  item: ReviewItemDetail;
  tradeOff?: TradeOffMatrix;
  onOpenAdr: (id: string) => void;
}) {
  const { item, tradeOff, onOpenAdr } = props;
  const { kinds } = useReviewKinds();
  return (
    <FactList centered data-testid="governance-review-facts">
      <dt>Entity</dt>
      <dd>
        <EntityRefLink entityRef={item.entityRef} />
      </dd>
      <dt>Kind</dt>
      <dd>{reviewKindTitle(kinds, item.kind)}</dd>
      <dt>Status</dt>
      <dd>
        <ReviewStatusChip
          status={item.status}
          causeCleared={item.causeCleared}
        />
      </dd>
      <dt>Priority</dt>
      <dd>{REVIEW_PRIORITY_LABELS[item.priority] ?? item.priority}</dd>
      <dt>Assignee</dt>
      <dd>
        {item.assignee ? (
          <EntityRefLink entityRef={item.assignee} />
        ) : (
          'Unassigned'
        )}
      </dd>
      <dt>Due</dt>
      <dd>
        <ReviewDueDate dueDate={item.dueDate} overdue={item.overdue} />
      </dd>
      <dt>Origin</dt>
      <dd>
        <ReviewOriginText origin={item.origin} />
      </dd>
      <dt>Requested</dt>
      <dd>{formatDateTime(item.createdAt)}</dd>
      {item.waiverRequest && (
        <>
          <dt>Waiver for</dt>
          <dd data-testid="governance-review-waiver-request">
            check <code>{item.waiverRequest.checkId}</code>, until{' '}
            {formatDate(item.waiverRequest.expiresAt)} (proposed)
          </dd>
        </>
      )}
      <RecordAdrLink item={item} tradeOff={tradeOff} />
      {item.adr && (
        <>
          <dt>Linked ADR</dt>
          <dd>
            <ReviewAdrLink adr={item.adr} onOpenAdr={onOpenAdr} />
          </dd>
        </>
      )}
    </FactList>
  );
}

/**
 * Says that what raised the item went away, so its description (written when it was raised) is
 * read as history, and whether the council still has to close it.
 */
function CauseClearedNotice(props: { item: ReviewItemDetail }) {
  const { causeCleared, origin } = props.item;
  if (!causeCleared || origin.type !== 'trigger') {
    return null;
  }
  const trigger = reviewTriggerTitle(origin.triggerId);
  const closed = causeCleared.action === 'closed';
  return (
    <Alert
      severity={closed ? 'success' : 'info'}
      style={{ marginBottom: 16 }}
      data-testid="governance-review-cause-cleared-notice"
    >
      {closed ? 'Resolved: cause cleared' : 'Cause cleared'} on{' '}
      {formatDateTime(causeCleared.at)}. The “{trigger}” trigger no longer sees
      what raised this item, so the description below is as it was then.
      {!closed &&
        ' Close it as resolved, or keep it open if it still needs the council.'}
    </Alert>
  );
}

function ReviewDecisionView(props: {
  item: ReviewItemDetail;
  tradeOff?: TradeOffMatrix;
  onOpenAdr: (id: string) => void;
}) {
  const classes = useStyles();
  const { decision } = props.item;
  const chosen = props.tradeOff?.options.find(
    o => o.id === decision?.chosenOption,
  );
  if (!decision) {
    return null;
  }
  return (
    <Box data-testid="governance-review-decision">
      <Typography variant="body1">
        <strong>{REVIEW_STATUS_LABELS[decision.outcome]}</strong>
        {' — decided by '}
        <EntityRefLink entityRef={decision.decidedBy} /> on{' '}
        {formatDate(decision.decidedAt)}
      </Typography>
      <Typography variant="body2" className={classes.text} paragraph>
        {decision.rationale}
      </Typography>
      {decision.chosenOption && (
        <Typography variant="body2" paragraph>
          Chosen option:{' '}
          <strong>{chosen?.title ?? decision.chosenOption}</strong>
        </Typography>
      )}
      {decision.adr && (
        <Typography variant="body2">
          Recorded in{' '}
          <ReviewAdrLink adr={decision.adr} onOpenAdr={props.onOpenAdr} />
        </Typography>
      )}
    </Box>
  );
}

/** Props for {@link ReviewDialog}. */
export interface ReviewDialogProps {
  /** The review item to show. */
  reviewId: string;
  onClose: () => void;
  /** Called after every change the dialog made, so lists can reload. */
  onChanged?: () => void;
}

/**
 * One review item: its facts, the council's decision, the discussion and the history. Council
 * members triage and decide it here; the requester can withdraw it. Every change is based on
 * the version shown, and a change someone else made in between replaces what is shown.
 */
export function ReviewDialog(props: ReviewDialogProps) {
  const classes = useStyles();
  const { reviewId, onClose, onChanged } = props;
  const governanceApi = useApi(governanceApiRef);
  const identityApi = useApi(identityApiRef);
  const { value: loaded, error: loadError } = useAsync(
    () => governanceApi.getReview(reviewId),
    [governanceApi, reviewId],
  );
  const { value: identity } = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  // Not allowed while the decisions load: the controls appear once they are known.
  const { allowed: canTriage } = usePermission({
    permission: governanceReviewTriagePermission,
  });
  const { allowed: canDecide } = usePermission({
    permission: governanceReviewDecidePermission,
  });
  const [latest, setLatest] = useState<ReviewItemDetail>();
  // Forms start again from the item shown after each change or conflict.
  const [revision, setRevision] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [openAdrId, setOpenAdrId] = useState<string>();
  const [tradeOff, setTradeOff] = useState<TradeOffMatrix>();
  const item = latest ?? loaded;
  const titleId = 'governance-review-dialog-title';

  const replace = (next: ReviewItemDetail) => {
    setLatest(next);
    setRevision(r => r + 1);
  };

  /** Sends a change based on the version shown; a conflict shows the item as it is now. */
  const apply = async (
    send: (current: ReviewItemDetail) => Promise<ReviewItemDetail>,
    failure: string,
  ) => {
    if (!item) {
      return false;
    }
    setBusy(true);
    setNotice(undefined);
    try {
      replace(await send(item));
      onChanged?.();
      return true;
    } catch (e) {
      if (isConflict(e)) {
        replace(e.current);
        setNotice({ severity: 'warning', message: REVIEW_CONFLICT_MESSAGE });
        // The list behind the dialog is as stale as the form was.
        onChanged?.();
      } else {
        setNotice({
          severity: 'error',
          message: `${failure} ${describeError(e as Error)}`,
        });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const update = (change: ReviewChange, failure: string) =>
    apply(
      current =>
        governanceApi.updateReview(current.id, {
          ...change,
          version: current.version,
        }),
      failure,
    );

  const grant = (terms: WaiverGrant) =>
    apply(
      async current =>
        (
          await governanceApi.grantWaiver(current.id, {
            ...terms,
            version: current.version,
          })
        ).item,
      'The waiver was not granted.',
    );

  const comment = async (body: string) => {
    if (!item) {
      return false;
    }
    setBusy(true);
    setNotice(undefined);
    try {
      const added = await governanceApi.commentOnReview(item.id, body);
      // Read the item again: the comment is in its history, and may have moved its version.
      const fresh = await governanceApi
        .getReview(item.id)
        .catch(() => undefined);
      setLatest(
        fresh ?? {
          ...item,
          comments: [...item.comments, added],
          commentCount: item.commentCount + 1,
        },
      );
      onChanged?.();
      return true;
    } catch (e) {
      setNotice({
        severity: 'error',
        message: `The comment was not added. ${describeError(e as Error)}`,
      });
      return false;
    } finally {
      setBusy(false);
    }
  };

  let content: ReactNode;
  let closeButton: ReactNode;
  if (!item) {
    content = (
      <LoadingDetail
        error={loadError}
        failure="The review could not be loaded."
      />
    );
  } else {
    const isRequester =
      item.origin.type === 'user' &&
      !!identity &&
      item.origin.requestedBy === identity.userEntityRef;
    const closed = isReviewClosed(item.status);
    const showTriage = canTriage && !closed;
    const showDecide = canDecide && allowedDecisions(item).length > 0;
    if (canTriage && canMoveReview(item, 'resolved')) {
      closeButton = (
        <Button
          color="primary"
          disabled={busy}
          onClick={() =>
            update({ status: 'resolved' }, 'The review was not closed.')
          }
        >
          Close as resolved
        </Button>
      );
    } else if (
      REVIEW_TRANSITIONS[item.status].includes('withdrawn') &&
      (isRequester || canTriage)
    ) {
      closeButton = (
        <Button
          disabled={busy}
          onClick={() =>
            update({ status: 'withdrawn' }, 'The review was not withdrawn.')
          }
        >
          Withdraw
        </Button>
      );
    }
    content = (
      <>
        <NoticeAlert
          notice={notice}
          style={{ marginBottom: 16 }}
          data-testid="governance-review-notice"
        />
        <CauseClearedNotice item={item} />
        <ReviewFacts item={item} tradeOff={tradeOff} onOpenAdr={setOpenAdrId} />
        {item.description && (
          <DialogSection title="Description">
            <Typography variant="body2" className={classes.text}>
              {item.description}
            </Typography>
          </DialogSection>
        )}
        {item.decision && (
          <DialogSection title="Decision">
            <ReviewDecisionView
              item={item}
              tradeOff={tradeOff}
              onOpenAdr={setOpenAdrId}
            />
          </DialogSection>
        )}
        {item.kind === TRADE_OFF_REVIEW_KIND && (
          <DialogSection title="Trade-off matrix">
            <TradeOffMatrixSection
              reviewId={item.id}
              canEdit={!closed && (isRequester || canTriage)}
              chosenOption={item.decision?.chosenOption}
              onLoaded={setTradeOff}
            />
          </DialogSection>
        )}
        {showTriage && (
          <DialogSection title="Triage">
            <ReviewTriageForm
              key={revision}
              item={item}
              userEntityRef={identity?.userEntityRef}
              busy={busy}
              onSave={change => update(change, 'The review was not saved.')}
            />
          </DialogSection>
        )}
        {showDecide && (
          <DialogSection title="Decide">
            <ReviewDecisionForm
              key={revision}
              item={item}
              tradeOffOptions={tradeOff?.options}
              busy={busy}
              onDecide={change =>
                update(change, 'The decision was not recorded.')
              }
              onGrant={grant}
            />
          </DialogSection>
        )}
        <DialogSection title="Discussion">
          <ReviewDiscussion
            reviewId={item.id}
            comments={item.comments}
            busy={busy}
            onComment={comment}
          />
        </DialogSection>
        <DialogSection title="History">
          <ReviewHistory history={item.history} />
        </DialogSection>
      </>
    );
  }

  return (
    <DetailDialog
      titleId={titleId}
      title={item ? item.title : 'Review'}
      testId="governance-review-dialog"
      onClose={onClose}
      actions={closeButton}
      nested={
        openAdrId && (
          <AdrDialog
            key={openAdrId}
            adrId={openAdrId}
            onClose={() => setOpenAdrId(undefined)}
          />
        )
      }
    >
      {content}
    </DetailDialog>
  );
}
