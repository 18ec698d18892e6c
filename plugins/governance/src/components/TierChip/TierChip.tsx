import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { TierPolicy } from '@catalog-governance/backstage-plugin-governance-common';

/** Props for {@link TierChip}. */
export interface TierChipProps {
  /** Without a title, only the name shows: lists that carry just the name. */
  tier: Pick<TierPolicy, 'name'> & Partial<Pick<TierPolicy, 'title'>>;
}

/**
 * The tier's name as written in `governance/tier`, next to its human title, so readers learn
 * the value to put in their own annotations.
 */
export function TierChip(props: TierChipProps) {
  const { tier } = props;
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      data-testid="governance-tier"
    >
      <Box component="span" mr={tier.title ? 1 : 0}>
        <Chip label={tier.name} color="primary" size="small" />
      </Box>
      {tier.title && (
        <Typography variant="body1" component="span">
          {tier.title}
        </Typography>
      )}
    </Box>
  );
}
