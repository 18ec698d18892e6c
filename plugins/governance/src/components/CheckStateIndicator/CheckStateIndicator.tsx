import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { CheckState } from '@catalog-governance/backstage-plugin-governance-common';

const STATE_LABELS: Record<CheckState, string> = {
  pass: 'Pass',
  fail: 'Fail',
  warn: 'Warn',
  unknown: 'Unknown',
  waived: 'Waived',
};

// A tally reads as a sentence fragment ("2 passing"), so the words differ from the labels.
const COUNT_LABELS: Record<CheckState, string> = {
  pass: 'passing',
  fail: 'failing',
  warn: 'warning',
  unknown: 'unknown',
  waived: 'waived',
};

const STATE_MARKERS: Record<CheckState, typeof StatusOK> = {
  pass: StatusOK,
  fail: StatusError,
  warn: StatusWarning,
  unknown: StatusPending,
  waived: StatusAborted,
};

/** Props for {@link CheckStateIndicator}. */
export interface CheckStateIndicatorProps {
  state: CheckState;
  /** When set, reads as a tally such as `3 passing` instead of just `Pass`. */
  count?: number;
  'data-testid'?: string;
}

/**
 * A coloured marker plus the state in words. The words sit outside the core-components
 * Status element because that element is aria-hidden, and colour alone must not carry meaning.
 */
export function CheckStateIndicator(props: CheckStateIndicatorProps) {
  const { state, count } = props;
  const Marker = STATE_MARKERS[state];
  const label =
    count === undefined
      ? STATE_LABELS[state]
      : `${count} ${COUNT_LABELS[state]}`;
  return (
    <Box
      component="span"
      display="inline-flex"
      alignItems="baseline"
      // The marker and its word must not break apart in a narrow table cell.
      style={{ whiteSpace: 'nowrap' }}
      data-testid={props['data-testid'] ?? 'governance-check-state'}
      data-state={state}
    >
      <Marker />
      <span>{label}</span>
    </Box>
  );
}
