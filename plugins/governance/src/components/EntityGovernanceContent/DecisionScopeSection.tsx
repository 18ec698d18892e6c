import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  DecisionKind,
  OwnerDecisionScope,
} from '@catalog-governance/backstage-plugin-governance-common';

function DecisionList(props: {
  id: string;
  title: string;
  kinds: DecisionKind[];
}) {
  const { id, title, kinds } = props;
  return (
    <>
      <Typography variant="subtitle2" component="h3" id={id}>
        {title}
      </Typography>
      {kinds.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing
        </Typography>
      ) : (
        <List dense disablePadding aria-labelledby={id}>
          {kinds.map(kind => (
            <ListItem key={kind.id} disableGutters>
              <ListItemText primary={kind.title} />
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}

export function DecisionScopeSection(props: {
  decisionScope: OwnerDecisionScope;
}) {
  const { decisionScope } = props;
  if (decisionScope.status === 'unknown') {
    return (
      <InfoCard title="Decision scope">
        <Typography variant="body1" data-testid="governance-decision-scope">
          The decision scope of the owning team is unknown:{' '}
          {decisionScope.reason}
        </Typography>
      </InfoCard>
    );
  }
  const { team, memberCount, description, teamDecides, councilDecides } =
    decisionScope;
  return (
    <InfoCard
      title="Decision scope"
      subheader="How far the owning team's decision authority reaches grows with its size."
    >
      <Typography
        variant="body1"
        paragraph
        data-testid="governance-decision-scope"
      >
        <EntityRefLink entityRef={team} defaultKind="group" /> has {memberCount}{' '}
        {memberCount === 1 ? 'member' : 'members'}: decides {description}.
      </Typography>
      <Grid container spacing={3}>
        {[
          {
            id: 'governance-team-decides',
            title: 'The team decides',
            kinds: teamDecides,
          },
          {
            id: 'governance-council-decides',
            title: 'Needs the architecture council',
            kinds: councilDecides,
          },
        ].map(list => (
          <Grid item xs={12} md={6} key={list.id}>
            <DecisionList {...list} />
          </Grid>
        ))}
      </Grid>
    </InfoCard>
  );
}
