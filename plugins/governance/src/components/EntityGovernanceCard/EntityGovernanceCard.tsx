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
  EntityGovernanceSummary,
  GOVERNANCE_ANNOTATIONS,
  TargetStatus,
} from '@internal/backstage-plugin-governance-common';
import { ReactNode } from 'react';
import { useEntityGovernanceSummary } from '../../hooks/useEntityGovernanceSummary';
import { TargetStatusIndicator } from '../TargetStatusIndicator';
import { TierChip } from '../TierChip';

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
  return (
    <Typography variant="body2" component="span" color="textSecondary">
      not set
    </Typography>
  );
}

const STATUS_ORDER: TargetStatus[] = ['met', 'not-met', 'unknown'];

function TargetCounts(props: { summary: EntityGovernanceSummary }) {
  const { targets } = props.summary;
  if (targets.length === 0) {
    return <NotSet />;
  }
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      {STATUS_ORDER.map(status => (
        <TargetStatusIndicator
          key={status}
          status={status}
          count={targets.filter(t => t.status === status).length}
          data-testid={`governance-card-${status}-count`}
        />
      ))}
    </Box>
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
      <Field label="Declared targets">
        <TargetCounts summary={summary} />
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
 * A compact governance overview for the entity page's overview tab: tier, how many declared
 * targets are met, owner and tech lead, and the owning team's decision scope.
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
