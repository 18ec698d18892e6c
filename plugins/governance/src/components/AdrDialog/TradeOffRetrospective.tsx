import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  governanceRetrospectiveCreatePermission,
  TRADE_OFF_LIMITS,
  TradeOffMatrix,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { describeError, statusOf } from '../../lib/describeError';
import { Notice, NoticeAlert } from '../NoticeAlert';
import { SimpleTable } from '../SimpleTable';

/** Props for {@link TradeOffRetrospective}. */
export interface TradeOffRetrospectiveProps {
  adrId: string;
}

/**
 * What the design review that led to this ADR expected of the chosen option, per criterion
 * (its score from 1, worst, to 5, best, and note), beside what happened, which those who record
 * retrospectives write down. Shows nothing for an ADR no decided design review records.
 */
export function TradeOffRetrospective(props: TradeOffRetrospectiveProps) {
  const { adrId } = props;
  const governanceApi = useApi(governanceApiRef);
  const { allowed: canRecord } = usePermission({
    permission: governanceRetrospectiveCreatePermission,
  });
  const loaded = useAsync(
    () => governanceApi.getAdrTradeOff(adrId),
    [governanceApi, adrId],
  );
  const [matrix, setMatrix] = useState<TradeOffMatrix>();
  const [happened, setHappened] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  const show = (next: TradeOffMatrix) => {
    setMatrix(next);
    setHappened(
      Object.fromEntries(next.outcomes.map(o => [o.criterionId, o.happened])),
    );
  };
  useEffect(() => {
    if (loaded.value) {
      show(loaded.value);
    }
  }, [loaded.value]);

  if (loaded.error) {
    // No design review records this ADR: nothing to compare.
    return statusOf(loaded.error) === 404 ? null : (
      <Alert severity="error" data-testid="governance-trade-off-retro-error">
        The trade-off matrix behind this decision could not be loaded.{' '}
        {describeError(loaded.error)}
      </Alert>
    );
  }
  if (loaded.loading || !matrix) {
    return <Progress />;
  }
  const chosen = matrix.options.find(o => o.id === matrix.chosenOption);
  if (!chosen) {
    return null;
  }

  const save = async () => {
    setSaving(true);
    setNotice(undefined);
    try {
      show(
        await governanceApi.saveReviewTradeOffOutcomes(matrix.reviewId, {
          revision: matrix.revision,
          outcomes: matrix.criteria.map(c => ({
            criterionId: c.id,
            happened: (happened[c.id] ?? '').trim(),
          })),
        }),
      );
      setNotice({ severity: 'success', message: 'What happened is saved.' });
    } catch (e) {
      setNotice({
        severity: 'error',
        message: `What happened was not saved. ${describeError(e as Error)}`,
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box data-testid="governance-trade-off-retrospective" my={2}>
      <Typography variant="subtitle2">
        Expected of “{chosen.title}” and what happened
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Scores are as the design review gave them: 1 (worst) to 5 (best).
      </Typography>
      <NoticeAlert notice={notice} style={{ margin: '8px 0' }} />
      <SimpleTable
        label="Expected and what happened"
        rows={matrix.criteria}
        rowKey={c => c.id}
        rowTestId={c => `governance-trade-off-retro-${c.id}`}
        columns={[
          { title: 'Criterion', rowHeader: true, render: c => c.title },
          {
            title: 'Expected',
            render: c => {
              const cell = matrix.cells.find(
                x => x.optionId === chosen.id && x.criterionId === c.id,
              );
              if (!cell) {
                return 'Not scored';
              }
              return cell.note ? `${cell.score}: ${cell.note}` : cell.score;
            },
          },
          {
            title: 'What happened',
            render: c =>
              canRecord ? (
                <TextField
                  fullWidth
                  multiline
                  value={happened[c.id] ?? ''}
                  disabled={saving}
                  inputProps={{
                    maxLength: TRADE_OFF_LIMITS.happened,
                    'aria-label': `What happened on ${c.title}`,
                  }}
                  onChange={e =>
                    setHappened(h => ({ ...h, [c.id]: e.target.value }))
                  }
                />
              ) : (
                happened[c.id] || 'Not recorded yet'
              ),
          },
        ]}
      />
      {canRecord && (
        <Button size="small" color="primary" disabled={saving} onClick={save}>
          {saving ? 'Saving…' : 'Save what happened'}
        </Button>
      )}
    </Box>
  );
}
