import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { usePermission } from '@backstage/plugin-permission-react';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import {
  AdrDetail,
  governanceRetrospectiveCreatePermission,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import { RetrospectiveStateChip } from '../AdrStatusChip';
import { formatDate } from '../EntityGovernanceContent/formatDate';
import { RetrospectiveForm } from './RetrospectiveForm';
import { RETROSPECTIVE_OUTCOME_LABELS } from './RetrospectiveOutcomeLabel';
import { ActionButton } from '../ActionButton';
import { Muted } from '../Muted';

function Schedule(props: { retrospective: AdrDetail['retrospective'] }) {
  const { state, dueAt, overdueAt } = props.retrospective;
  if (state === 'not-applicable') {
    return (
      <>
        Only accepted ADRs with a date get a retrospective, so this one has
        none.
      </>
    );
  }
  if (!dueAt || !overdueAt) {
    return null;
  }
  return (
    <>
      Due from {dueAt}, overdue from {overdueAt}
      {state === 'recorded' ? ', and recorded.' : '.'}
    </>
  );
}

/** Props for {@link AdrRetrospectiveSection}. */
export interface AdrRetrospectiveSectionProps {
  adr: AdrDetail;
  /** Called after a retrospective was recorded, so the ADR and its list reload. */
  onRecorded: () => void;
}

/**
 * The ADR's retrospective: its state, when it falls due and overdue, every recorded
 * retrospective, newest first, and for users allowed to, a form to record one.
 */
export function AdrRetrospectiveSection(props: AdrRetrospectiveSectionProps) {
  const { adr, onRecorded } = props;
  // Not allowed while the decision loads: the button appears once it is known.
  const { allowed: canRecord } = usePermission({
    permission: governanceRetrospectiveCreatePermission,
  });
  const [recording, setRecording] = useState(false);

  return (
    <Box data-testid="governance-adr-retrospective-section">
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <RetrospectiveStateChip retrospective={adr.retrospective} />
        <Muted>
          <Schedule retrospective={adr.retrospective} />
        </Muted>
        {canRecord &&
          !recording &&
          adr.retrospective.state !== 'not-applicable' && (
            <ActionButton onClick={() => setRecording(true)}>
              Record retrospective
            </ActionButton>
          )}
      </Box>
      {recording && (
        <RetrospectiveForm
          adrId={adr.id}
          onCancel={() => setRecording(false)}
          onRecorded={() => {
            setRecording(false);
            onRecorded();
          }}
        />
      )}
      {adr.retrospectives.length > 0 && (
        <List dense aria-label="Recorded retrospectives">
          {adr.retrospectives.map(retrospective => (
            <ListItem key={retrospective.id} disableGutters>
              <ListItemText
                primary={`${retrospective.date}: ${
                  RETROSPECTIVE_OUTCOME_LABELS[retrospective.outcome]
                }`}
                secondary={
                  <>
                    <span style={{ whiteSpace: 'pre-line' }}>
                      {retrospective.notes}
                    </span>
                    {retrospective.lessons && (
                      <>
                        <br />
                        Lessons: {retrospective.lessons}
                      </>
                    )}
                    <br />
                    Recorded by{' '}
                    <EntityDisplayName
                      entityRef={retrospective.recordedBy}
                      hideIcon
                    />{' '}
                    on {formatDate(retrospective.recordedAt)}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
