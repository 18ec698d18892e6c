import {
  InfoCard,
  InfoCardVariants,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  CheckState,
  EntityGovernanceSummary,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode } from 'react';
import { useEntityGovernanceSummary } from '../../hooks/useEntityGovernanceSummary';
import { CheckStateIndicator } from '../CheckStateIndicator';
import { TierChip } from '../TierChip';
import { LevelChip } from '../LevelChip';
import { WrapRow } from '../WrapRow';
import { levelByName } from '../LevelChip/levels';
import { Muted } from '../Muted';

/**
 * Props for {@link EntityGovernanceCard}.
 *
 * @public
 */
export interface EntityGovernanceCardProps {
  variant?: InfoCardVariants;
}

function Field(props: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={12} sm={6}>
      <Typography variant="subtitle2" component="h3" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}

function NotSet() {
  return <Muted>not set</Muted>;
}

const STATE_ORDER: CheckState[] = ['pass', 'fail', 'warn', 'unknown', 'waived'];

// Passing and failing are the verdict, so they show even at zero; the rest only when present.
const ALWAYS_COUNTED: CheckState[] = ['pass', 'fail'];

function ScorecardCounts(props: { summary: EntityGovernanceSummary }) {
  const { scorecard } = props.summary;
  if (!scorecard) {
    return <Muted>No checks without a valid tier</Muted>;
  }
  const counts = STATE_ORDER.map(state => ({
    state,
    count: scorecard.results.filter(r => r.state === state).length,
  })).filter(({ state, count }) => count > 0 || ALWAYS_COUNTED.includes(state));
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      {counts.map(({ state, count }) => (
        <CheckStateIndicator
          key={state}
          state={state}
          count={count}
          data-testid={`governance-card-${state}-count`}
        />
      ))}
    </Box>
  );
}

/** The level badge, and the level the tier requires when the entity is below it. */
function CardLevel(props: { level: EntityGovernanceSummary['level'] }) {
  const { level } = props;
  if (!level) {
    return <Muted>No level without a valid tier</Muted>;
  }
  const required = levelByName(level.levels, level.required);
  return (
    <WrapRow data-testid="governance-card-level">
      <LevelChip level={levelByName(level.levels, level.current)} />
      {!level.meetsRequired && required && (
        <Typography variant="body2" component="span" color="error">
          below the required {required.title}
        </Typography>
      )}
    </WrapRow>
  );
}

function DecisionScopeLine(props: { summary: EntityGovernanceSummary }) {
  const scope = props.summary.decisionScope;
  if (scope.status === 'unknown') {
    return <>Unknown: {scope.reason}</>;
  }
  return (
    <>
      <EntityRefLink entityRef={scope.team} defaultKind="group" /> (
      {scope.memberCount} {scope.memberCount === 1 ? 'member' : 'members'})
      decides {scope.description}; {scope.councilDecides.length} kinds of
      decision need the architecture council.
    </>
  );
}

function CardBody(props: { summary: EntityGovernanceSummary }) {
  const { summary } = props;
  if (!summary.annotated) {
    return (
      <Typography variant="body2" data-testid="governance-card-empty">
        No governance annotations yet. Add{' '}
        <code>{GOVERNANCE_ANNOTATIONS.tier}</code> and the other governance
        annotations to catalog-info.yaml; the Governance tab shows an example to
        copy.
      </Typography>
    );
  }
  const { tier, ownership, problems } = summary;
  return (
    <Grid container spacing={2}>
      {problems.length > 0 && (
        <Grid item xs={12}>
          <Alert severity="warning" data-testid="governance-card-problems">
            {problems.length === 1
              ? '1 invalid governance annotation'
              : `${problems.length} invalid governance annotations`}
            ; the Governance tab lists what is wrong.
          </Alert>
        </Grid>
      )}
      <Field label="Tier">
        {tier ? <TierChip tier={tier} /> : 'No valid tier declared'}
      </Field>
      <Field label="Level">
        <CardLevel level={summary.level} />
      </Field>
      <Field label="Scorecard">
        <ScorecardCounts summary={summary} />
      </Field>
      <Field label="Owner">
        {ownership.owner ? (
          <EntityRefLink entityRef={ownership.owner} defaultKind="group" />
        ) : (
          <NotSet />
        )}
      </Field>
      <Field label="Tech lead">
        {ownership.techLead ? (
          <EntityRefLink entityRef={ownership.techLead} defaultKind="user" />
        ) : (
          <NotSet />
        )}
      </Field>
      <Grid item xs={12}>
        <Typography variant="subtitle2" component="h3" color="textSecondary">
          Decision scope
        </Typography>
        <Typography
          variant="body2"
          data-testid="governance-card-decision-scope"
        >
          <DecisionScopeLine summary={summary} />
        </Typography>
      </Grid>
    </Grid>
  );
}

/**
 * A compact governance overview for the entity page's overview tab: tier, maturity level, how
 * many scorecard checks are in each state, owner and tech lead, and the owning team's decision
 * scope.
 *
 * @public
 */
export function EntityGovernanceCard(props: EntityGovernanceCardProps) {
  const { summary, loading, error } = useEntityGovernanceSummary();

  let body: ReactNode = null;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (summary) {
    body = <CardBody summary={summary} />;
  }

  return (
    <InfoCard title="Governance" variant={props.variant}>
      {body}
    </InfoCard>
  );
}
