import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { TradeOffMatrix } from '@catalog-governance/backstage-plugin-governance-common';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { governanceApiRef } from '../../api';
import { describeError, statusOf } from '../../lib/describeError';
import { Notice, NoticeAlert } from '../NoticeAlert';
import { Muted } from '../Muted';
import { TradeOffDraft, TradeOffMatrixEditor } from './TradeOffMatrixEditor';
import { TradeOffRanking } from './TradeOffRanking';

/** How to read a score, said wherever scores are entered or shown. */
export const TRADE_OFF_SCALE_HINT =
  'Scores run from 1 (worst) to 5 (best) on every criterion: a cheap option scores high on cost, a safe one high on risk. Options rank by the weighted mean of their scores.';

const draftOf = ({
  criteria,
  options,
  cells,
}: TradeOffMatrix): TradeOffDraft => ({
  criteria,
  options,
  cells,
});

/** Props for {@link TradeOffMatrixSection}. */
export interface TradeOffMatrixSectionProps {
  reviewId: string;
  /** The requester or a council member, while the review is open. */
  canEdit: boolean;
  /** The decision's chosen option, once decided (the matrix loaded before may not know it). */
  chosenOption?: string;
  /** The matrix as saved, whenever it loads or is saved: the decision form offers its options. */
  onLoaded?: (matrix: TradeOffMatrix) => void;
}

/**
 * A design review's trade-off matrix and its weighted ranking. Those who may edit it change
 * options, criteria, weights, scores and notes, and the ranking follows as they type; saving is
 * based on the revision shown, and someone else's save in between is loaded instead.
 */
export function TradeOffMatrixSection(props: TradeOffMatrixSectionProps) {
  const { reviewId, canEdit, onLoaded } = props;
  const { chosenOption } = props;
  const governanceApi = useApi(governanceApiRef);
  const loaded = useAsyncRetry(
    () => governanceApi.getReviewTradeOff(reviewId),
    [governanceApi, reviewId],
  );
  const [matrix, setMatrix] = useState<TradeOffMatrix>();
  const [draft, setDraft] = useState<TradeOffDraft>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  useEffect(() => {
    if (loaded.value) {
      setMatrix(loaded.value);
      setDraft(draftOf(loaded.value));
      onLoaded?.(loaded.value);
    }
    // onLoaded is the dialog's setter; a new function each render must not reload the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.value]);

  if (loaded.error && !matrix) {
    return (
      <Alert severity="error" data-testid="governance-trade-off-error">
        The trade-off matrix could not be loaded. {describeError(loaded.error)}
      </Alert>
    );
  }
  if (!matrix || !draft) {
    return <Progress />;
  }
  if (!canEdit && matrix.options.length === 0) {
    return (
      <Muted>
        <span data-testid="governance-trade-off-empty">
          No options have been weighed on this review.
        </span>
      </Muted>
    );
  }

  const changed = JSON.stringify(draft) !== JSON.stringify(draftOf(matrix));
  const save = async () => {
    setSaving(true);
    setNotice(undefined);
    try {
      const saved = await governanceApi.saveReviewTradeOff(reviewId, {
        revision: matrix.revision,
        ...draft,
        criteria: draft.criteria.map(c => ({
          ...c,
          title: c.title.trim() || c.id,
        })),
        options: draft.options.map(o => ({
          ...o,
          title: o.title.trim() || o.id,
        })),
      });
      setMatrix(saved);
      setDraft(draftOf(saved));
      onLoaded?.(saved);
      setNotice({ severity: 'success', message: 'Trade-off matrix saved.' });
    } catch (e) {
      if (statusOf(e as Error) === 409) {
        setNotice({
          severity: 'warning',
          message:
            'Someone else saved this matrix while you were editing. Their version is shown; apply your change again.',
        });
        loaded.retry();
      } else {
        setNotice({
          severity: 'error',
          message: `The trade-off matrix was not saved. ${describeError(
            e as Error,
          )}`,
        });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box data-testid="governance-trade-off">
      <Typography variant="body2" color="textSecondary" paragraph>
        {TRADE_OFF_SCALE_HINT}
      </Typography>
      <NoticeAlert
        notice={notice}
        style={{ marginBottom: 8 }}
        data-testid="governance-trade-off-notice"
      />
      {draft.options.length === 0 && (
        <Typography variant="body2" paragraph>
          No options yet: add the options the council is weighing, then score
          each one.
        </Typography>
      )}
      <TradeOffMatrixEditor
        draft={draft}
        onChange={setDraft}
        disabled={!canEdit || saving}
      />
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Weighted ranking
      </Typography>
      <TradeOffRanking
        matrix={draft}
        chosenOption={chosenOption ?? matrix.chosenOption}
      />
      {canEdit && (
        <Button
          color="primary"
          variant="contained"
          size="small"
          disabled={!changed || saving}
          onClick={save}
        >
          {saving ? 'Saving…' : 'Save matrix'}
        </Button>
      )}
    </Box>
  );
}
