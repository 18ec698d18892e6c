import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  EntityGovernanceSummary,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { TierChip } from '../TierChip';
import { formatDate } from './formatDate';

export function TierSection(props: { tier: EntityGovernanceSummary['tier'] }) {
  const { tier } = props;
  return (
    <InfoCard title="Tier" variant="gridItem">
      {tier ? (
        <>
          <TierChip tier={tier} />
          {tier.since && (
            <Box mt={1}>
              <Typography
                variant="body2"
                color="textSecondary"
                data-testid="governance-tier-since"
              >
                In this tier since {formatDate(tier.since)}
              </Typography>
            </Box>
          )}
        </>
      ) : (
        <Alert severity="info" data-testid="governance-no-tier">
          No valid tier is declared. Set{' '}
          <code>{GOVERNANCE_ANNOTATIONS.tier}</code> to one of the configured
          tiers to see which non-functional targets apply to this entity.
        </Alert>
      )}
    </InfoCard>
  );
}
