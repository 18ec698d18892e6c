import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { usePermission } from '@backstage/plugin-permission-react';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import {
  CheckResult,
  CheckState,
  EntityGovernanceSummary,
  governanceReviewCreatePermission,
  governanceWaiverCreatePermission,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode, useState } from 'react';
import { governanceApiRef } from '../../api';
import { describeError, statusOf } from '../../lib/describeError';
import { CheckStateIndicator } from '../CheckStateIndicator';
import { RequestWaiverDialog, WaiverDialog } from '../WaiverDialog';
import { ReviewDialog } from '../ReviewDialog';
import { AdrDialog } from '../AdrDialog';
import { ReviewAdrLink } from '../ReviewStatusChip';
import { LinkButton } from '../LinkButton';
import { ScorecardTrend } from '../ScorecardTrend';
import { LevelDefinition } from '../LevelChip/levels';
import { formatDate, formatDateTime } from './formatDate';
import { RefreshButton } from '../RefreshButton';
import { Muted } from '../Muted';
import { SimpleTable } from '../SimpleTable';

/** An annotation key that may wrap after its prefix, never inside a word. */
function AnnotationKey(props: { name: string; partClassName: string }) {
  const { name, partClassName } = props;
  const slash = name.indexOf('/') + 1;
  return (
    <code>
      <span className={partClassName}>{name.slice(0, slash)}</span>
      <wbr />
      <span className={partClassName}>{name.slice(slash)}</span>
    </code>
  );
}

function SourceCell(props: { result: CheckResult; keyClassName: string }) {
  const { origin, source } = props.result;
  if (origin === 'declared' && source) {
    return (
      <>
        declared in{' '}
        <AnnotationKey name={source} partClassName={props.keyClassName} />
      </>
    );
  }
  if (origin === 'declared') {
    return <>declared</>;
  }
  if (origin === 'measured') {
    return <>{source ? `measured by ${source}` : 'measured'}</>;
  }
  return <Muted>—</Muted>;
}

function ObservedCell(props: { result: CheckResult }) {
  const { observedAt, stale } = props.result;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      {observedAt ? (
        <time dateTime={observedAt} title={formatDateTime(observedAt)}>
          {formatDate(observedAt)}
        </time>
      ) : (
        <Muted>—</Muted>
      )}
      {stale && <Chip label="stale" size="small" />}
    </Box>
  );
}

/** The states a waiver can turn into `waived`; a passing check needs none. */
const WAIVABLE_STATES: CheckState[] = ['fail', 'warn', 'unknown'];
/** The states an engineer asks the council to waive: what the check found wrong. */
const REQUESTABLE_STATES: CheckState[] = ['fail', 'warn'];

const useStyles = makeStyles({
  // Header labels and short values read badly when broken mid-word.
  table: { '& th': { whiteSpace: 'nowrap' } },
  noWrap: { whiteSpace: 'nowrap' },
  // Wide enough that targets and dates do not break inside a word or a date.
  target: { minWidth: 100 },
  actual: { minWidth: 140 },
  state: { minWidth: 160, maxWidth: 280 },
  annotationKey: { whiteSpace: 'nowrap' },
  waiverAction: { marginTop: 4, padding: '0 6px', minWidth: 0 },
  // The links to the review and the ADR read as part of the note, in its size.
  waiverNote: {
    '& button': { fontSize: 'inherit', verticalAlign: 'baseline' },
  },
});

/** A small action on a check's waiver (waive, request, revoke), under its state. */
function WaiverAction(props: {
  label: string;
  onClick: () => void;
  disabled: boolean;
  children: ReactNode;
}) {
  const classes = useStyles();
  return (
    <Button
      size="small"
      color="primary"
      className={classes.waiverAction}
      aria-label={props.label}
      onClick={props.onClick}
      disabled={props.disabled}
    >
      {props.children}
    </Button>
  );
}

function WaiverNote(props: {
  waiver: NonNullable<CheckResult['waiver']>;
  onOpenReview: (id: string) => void;
  onOpenAdr: (id: string) => void;
}) {
  const { expiresAt, createdBy, reason, review, adr } = props.waiver;
  const classes = useStyles();
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      display="block"
      className={classes.waiverNote}
      data-testid="governance-waiver"
    >
      Waived until {formatDate(expiresAt)} by{' '}
      <EntityDisplayName entityRef={createdBy} hideIcon />: {reason}
      {/* A waiver granted on request leads to the decision and the ADR recording it. */}
      {review && (
        <>
          {' — granted in '}
          <LinkButton onClick={() => props.onOpenReview(review.id)}>
            review #{review.number}
          </LinkButton>
        </>
      )}
      {adr && (
        <>
          {', recorded in '}
          <ReviewAdrLink adr={adr} onOpenAdr={props.onOpenAdr} />
        </>
      )}
    </Typography>
  );
}

export function ScorecardSection(props: {
  entityRef: string;
  scorecard: EntityGovernanceSummary['scorecard'];
  onRefresh: () => void;
  refreshing: boolean;
  refreshError?: Error;
  /** Reloads the summary after a waiver was granted or revoked. */
  onChanged: () => void;
  /** True while that reload runs: the rows are about to change, so they cannot be acted on. */
  reloading?: boolean;
  /** The configured maturity levels, for the level history under the trend. */
  levels?: readonly LevelDefinition[];
}) {
  const classes = useStyles();
  const {
    entityRef,
    scorecard,
    onRefresh,
    refreshing,
    refreshError,
    onChanged,
    reloading = false,
    levels,
  } = props;
  const governanceApi = useApi(governanceApiRef);
  // Not allowed while the decision loads: the controls appear once it is known.
  const { allowed: canWaive } = usePermission({
    permission: governanceWaiverCreatePermission,
  });
  // Anyone who may request a review may ask for a waiver.
  const { allowed: canRequest } = usePermission({
    permission: governanceReviewCreatePermission,
  });
  const [waiving, setWaiving] = useState<CheckResult>();
  const [requesting, setRequesting] = useState<CheckResult>();
  const [requested, setRequested] = useState<{
    checkId: string;
    item: { id: string; number?: number };
  }>();
  const [openReviewId, setOpenReviewId] = useState<string>();
  const [openAdrId, setOpenAdrId] = useState<string>();
  const [revoking, setRevoking] = useState<string>();
  const [revokeError, setRevokeError] = useState<{
    checkId: string;
    error: Error;
  }>();

  const revoke = async (result: CheckResult) => {
    setRevoking(result.checkId);
    setRevokeError(undefined);
    try {
      await governanceApi.revokeWaiver(result.waiver!.id);
      onChanged();
    } catch (e) {
      setRevokeError({ checkId: result.checkId, error: e as Error });
      // Unknown or already revoked: the scorecard is out of date, so show what is stored now.
      const status = statusOf(e as Error);
      if (status === 404 || status === 409) {
        onChanged();
      }
    } finally {
      setRevoking(undefined);
    }
  };

  if (!scorecard) {
    return (
      <InfoCard title="Scorecard">
        <Typography variant="body2" color="textSecondary">
          Without a valid tier there are no checks to run.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title="Scorecard"
      subheader={`Evaluated ${formatDateTime(scorecard.evaluatedAt)}`}
      action={<RefreshButton onRefresh={onRefresh} refreshing={refreshing} />}
    >
      {refreshError && !refreshing && (
        <Box mb={2}>
          <Alert
            severity="error"
            data-testid="governance-scorecard-refresh-error"
          >
            The scorecard could not be refreshed. {describeError(refreshError)}
          </Alert>
        </Box>
      )}
      {/* A new evaluation adds today's results to the history, so the trend reloads. */}
      <ScorecardTrend
        key={entityRef}
        entityRef={entityRef}
        evaluatedAt={scorecard.evaluatedAt}
        levels={levels}
      />
      {scorecard.results.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          The tier demands no checks.
        </Typography>
      ) : (
        <SimpleTable
          label="Scorecard"
          className={classes.table}
          columns={[
            {
              title: 'Check',
              rowHeader: true,
              className: classes.noWrap,
              render: result => result.title,
            },
            {
              title: 'Target',
              className: classes.target,
              render: result => result.target,
            },
            {
              title: 'Actual',
              className: classes.actual,
              render: result => result.actual ?? <Muted>no value</Muted>,
            },
            {
              title: 'State',
              className: classes.state,
              render: result => (
                <>
                  <CheckStateIndicator state={result.state} />
                  {/* The waiver says more than the reason, which repeats it in one line. */}
                  {result.state === 'waived' && result.waiver ? (
                    <WaiverNote
                      waiver={result.waiver}
                      onOpenReview={setOpenReviewId}
                      onOpenAdr={setOpenAdrId}
                    />
                  ) : (
                    result.reason && (
                      <Typography
                        variant="caption"
                        color="textSecondary"
                        display="block"
                      >
                        {result.reason}
                      </Typography>
                    )
                  )}
                  {canWaive && WAIVABLE_STATES.includes(result.state) && (
                    <WaiverAction
                      label={`Waive ${result.title}`}
                      onClick={() => setWaiving(result)}
                      disabled={reloading}
                    >
                      Waive
                    </WaiverAction>
                  )}
                  {canRequest && REQUESTABLE_STATES.includes(result.state) && (
                    <WaiverAction
                      label={`Request waiver for ${result.title}`}
                      onClick={() => setRequesting(result)}
                      disabled={reloading}
                    >
                      Request waiver
                    </WaiverAction>
                  )}
                  {requested?.checkId === result.checkId && (
                    <Typography
                      variant="caption"
                      display="block"
                      role="status"
                      data-testid="governance-waiver-requested"
                    >
                      Waiver requested as{' '}
                      <LinkButton
                        onClick={() => setOpenReviewId(requested.item.id)}
                      >
                        review #{requested.item.number}
                      </LinkButton>
                      ; the council decides in its queue.
                    </Typography>
                  )}
                  {canWaive && result.state === 'waived' && result.waiver && (
                    <WaiverAction
                      label={`Revoke waiver for ${result.title}`}
                      onClick={() => revoke(result)}
                      disabled={reloading || revoking === result.checkId}
                    >
                      {revoking === result.checkId ? 'Revoking…' : 'Revoke'}
                    </WaiverAction>
                  )}
                  {revokeError?.checkId === result.checkId && (
                    <Typography
                      variant="caption"
                      color="error"
                      display="block"
                      role="alert"
                    >
                      The waiver could not be revoked.{' '}
                      {describeError(revokeError.error)}
                    </Typography>
                  )}
                </>
              ),
            },
            {
              title: 'Source',
              render: result => (
                <SourceCell
                  result={result}
                  keyClassName={classes.annotationKey}
                />
              ),
            },
            {
              title: 'Observed',
              className: classes.noWrap,
              render: result => <ObservedCell result={result} />,
            },
          ]}
          rows={scorecard.results}
          rowKey={result => result.checkId}
          rowTestId={result => `governance-check-${result.checkId}`}
        />
      )}
      {requesting && (
        <RequestWaiverDialog
          key={requesting.checkId}
          entityRef={entityRef}
          check={requesting}
          onClose={() => setRequesting(undefined)}
          onRequested={item =>
            setRequested({ checkId: requesting.checkId, item })
          }
        />
      )}
      {openReviewId && (
        <ReviewDialog
          reviewId={openReviewId}
          onClose={() => setOpenReviewId(undefined)}
          onChanged={onChanged}
        />
      )}
      {openAdrId && (
        <AdrDialog adrId={openAdrId} onClose={() => setOpenAdrId(undefined)} />
      )}
      {waiving && (
        <WaiverDialog
          key={waiving.checkId}
          entityRef={entityRef}
          check={waiving}
          onClose={() => setWaiving(undefined)}
          onChanged={() => {
            setRevokeError(undefined);
            onChanged();
          }}
        />
      )}
    </InfoCard>
  );
}
