import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  EntityGovernanceSummary,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { LevelChip } from '../LevelChip';
import { WrapRow } from '../WrapRow';
import { describeNextLevel, levelByName } from '../LevelChip/levels';

/**
 * The entity's maturity level, the level its tier requires and what it takes to reach the next
 * one. Below the required level, the card says so as a warning.
 */
export function LevelSection(props: {
  summary: Pick<EntityGovernanceSummary, 'tier' | 'level' | 'scorecard'>;
}) {
  const { tier, level, scorecard } = props.summary;

  if (!tier || !level) {
    return (
      <InfoCard title="Maturity level" variant="gridItem">
        <Alert severity="info" data-testid="governance-no-level">
          Levels come with a tier. Set{' '}
          <code>{GOVERNANCE_ANNOTATIONS.tier}</code> to one of the configured
          tiers to see the level this entity reaches and the one its tier
          requires.
        </Alert>
      </InfoCard>
    );
  }

  const current = levelByName(level.levels, level.current);
  const required = levelByName(level.levels, level.required);
  return (
    <InfoCard title="Maturity level" variant="gridItem">
      <WrapRow data-testid="governance-level-current">
        <LevelChip level={current} size="medium" />
        {!current && (
          <Typography variant="body2" color="textSecondary" component="span">
            Not even the first level&apos;s checks all pass yet.
          </Typography>
        )}
      </WrapRow>
      <Box mt={2}>
        <Typography
          variant="body2"
          component="div"
          data-testid="governance-level-required"
        >
          {required ? (
            <WrapRow>
              <span>The {tier.name} tier requires </span>
              <LevelChip level={required} />
            </WrapRow>
          ) : (
            <>The {tier.name} tier requires no level.</>
          )}
        </Typography>
      </Box>
      {!level.meetsRequired && required && (
        <Box mt={2}>
          <Alert severity="warning" data-testid="governance-level-below">
            Below the required level: this {tier.name} entity is at{' '}
            {current ? current.title : 'no level'} and must reach{' '}
            {required.title}.
          </Alert>
        </Box>
      )}
      <Box mt={2}>
        <Typography variant="body2" data-testid="governance-level-next">
          {level.next
            ? describeNextLevel(level.next, scorecard?.results ?? [])
            : 'The highest level: every level check passes.'}
        </Typography>
      </Box>
    </InfoCard>
  );
}
