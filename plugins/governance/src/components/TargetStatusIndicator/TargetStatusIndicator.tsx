import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { TargetStatus } from '@internal/backstage-plugin-governance-common';

const STATUS_LABELS: Record<TargetStatus, string> = {
  met: 'Met',
  'not-met': 'Not met',
  unknown: 'Unknown',
};

/** Props for {@link TargetStatusIndicator}. */
export interface TargetStatusIndicatorProps {
  status: TargetStatus;
  /** When set, reads as a tally such as `3 met` instead of just `Met`. */
  count?: number;
  'data-testid'?: string;
}

/**
 * A coloured marker plus the status in words. The words sit outside the core-components
 * Status element because that element is aria-hidden, and colour alone must not carry meaning.
 */
export function TargetStatusIndicator(props: TargetStatusIndicatorProps) {
  const { status, count } = props;
  let marker: JSX.Element;
  if (status === 'met') {
    marker = <StatusOK />;
  } else if (status === 'not-met') {
    marker = <StatusError />;
  } else {
    marker = <StatusPending />;
  }
  const label =
    count === undefined
      ? STATUS_LABELS[status]
      : `${count} ${STATUS_LABELS[status].toLocaleLowerCase('en-US')}`;
  return (
    <Box
      component="span"
      display="inline-flex"
      alignItems="baseline"
      data-testid={props['data-testid'] ?? 'governance-target-status'}
      data-status={status}
    >
      {marker}
      <span>{label}</span>
    </Box>
  );
}
