import { makeStyles, Theme } from '@material-ui/core/styles';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import {
  AdrStatus,
  AdrSummary,
} from '@catalog-governance/backstage-plugin-governance-common';
import { filledChip, quietChip } from '../../lib/chipColors';

const useStyles = makeStyles<Theme>(theme => ({
  accepted: filledChip(theme.palette.success),
  proposed: filledChip(theme.palette.info),
  rejected: filledChip(theme.palette.error),
  deprecated: filledChip(theme.palette.warning),
  // A superseded decision is history: present, but not asking for attention.
  superseded: quietChip(theme),
}));

/** Props for {@link AdrStatusChip}. */
export interface AdrStatusChipProps {
  adr: Pick<AdrSummary, 'status' | 'statusText' | 'supersededBy'>;
  /** Opens another ADR; without it, the superseding ADR is named but not linked. */
  onOpenAdr?: (id: string) => void;
}

/** Names an ADR link target the way readers refer to ADRs: by number when there is one. */
export function adrLinkLabel(link: { number?: number; target: string }) {
  return link.number !== undefined ? `ADR ${link.number}` : link.target;
}

/**
 * The ADR's status as a coloured chip with the status in words; a superseded ADR also names
 * the ADR that superseded it, linked when that ADR is known.
 */
export function AdrStatusChip(props: AdrStatusChipProps) {
  const classes = useStyles();
  const { adr, onOpenAdr } = props;
  const status: AdrStatus | undefined = adr.status;
  const superseding = adr.supersededBy;
  return (
    <Box
      component="span"
      display="inline-flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 4 }}
      data-testid="governance-adr-status"
      data-status={status ?? 'unknown'}
    >
      <Chip
        size="small"
        label={status ?? adr.statusText ?? 'no status'}
        className={status ? classes[status] : undefined}
        variant={status ? 'default' : 'outlined'}
        // The status as written, when it says more than the chip, e.g. "Accepted, amended by 9".
        title={status && adr.statusText ? adr.statusText : undefined}
      />
      {status === 'superseded' && superseding && (
        <Typography variant="body2" component="span">
          {' by '}
          {superseding.adrId && onOpenAdr ? (
            <Link
              component="button"
              variant="body2"
              onClick={() => onOpenAdr(superseding.adrId!)}
            >
              {adrLinkLabel(superseding)}
            </Link>
          ) : (
            adrLinkLabel(superseding)
          )}
        </Typography>
      )}
    </Box>
  );
}
