import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { AdrDetail } from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode, useState } from 'react';
import { useGovernanceAsyncRetry } from '../../hooks/useGovernanceAsync';
import { AdrChain } from '../AdrChain';
import { AdrStatusChip, adrLinkLabel } from '../AdrStatusChip';
import { AdrImpactSection } from './AdrImpactSection';
import { sourceUrl } from './adrLinks';
import { AdrMarkdown } from './AdrMarkdown';
import { AdrRetrospectiveSection } from './AdrRetrospectiveSection';
import { LinkButton } from '../LinkButton';
import {
  DetailDialog,
  DialogSection,
  FactList,
  LoadingDetail,
} from '../DialogSection';
import { Muted } from '../Muted';

/** The ADR as people cite it: `ADR 3: Use Kafka`, or just the title without a number. */
export function adrHeading(adr: { number?: number; title: string }): string {
  return adr.number !== undefined
    ? `ADR ${adr.number}: ${adr.title}`
    : adr.title;
}

function AdrLinks(props: { adr: AdrDetail; onOpenAdr: (id: string) => void }) {
  const { adr, onOpenAdr } = props;
  if (adr.links.length === 0) {
    return null;
  }
  return (
    <Box component="ul" m={0} pl={2} data-testid="governance-adr-links">
      {adr.links.map((link, index) => {
        const href = sourceUrl(link.target, adr.url);
        let target: ReactNode = adrLinkLabel(link);
        if (link.adrId) {
          target = (
            <LinkButton onClick={() => onOpenAdr(link.adrId!)}>
              {adrLinkLabel(link)}
            </LinkButton>
          );
        } else if (href) {
          target = <Link to={href}>{adrLinkLabel(link)}</Link>;
        }
        return (
          <li key={`${link.relation}-${link.target}-${index}`}>
            <Typography variant="body2" component="span">
              {link.relation} {target}
            </Typography>
          </li>
        );
      })}
    </Box>
  );
}

function AdrFacts(props: { adr: AdrDetail; onOpenAdr: (id: string) => void }) {
  const { adr, onOpenAdr } = props;
  const source = sourceUrl(adr.url, adr.url);
  return (
    <FactList>
      <dt>Status</dt>
      <dd>
        <AdrStatusChip adr={adr} onOpenAdr={onOpenAdr} />
        {adr.statusText && <Muted> ({adr.statusText})</Muted>}
      </dd>
      <dt>Date</dt>
      <dd>{adr.date ?? 'not given'}</dd>
      <dt>Deciders</dt>
      <dd>{adr.deciders.length > 0 ? adr.deciders.join(', ') : 'not given'}</dd>
      <dt>Entity</dt>
      <dd>
        <EntityRefLink entityRef={adr.entityRef} />
      </dd>
      <dt>File</dt>
      <dd>{source ? <Link to={source}>{adr.path}</Link> : adr.path}</dd>
      {(adr.chain?.length ?? 0) > 0 && (
        <>
          <dt>Decision chain</dt>
          <dd data-testid="governance-adr-chain">
            <AdrChain
              chain={adr.chain}
              entityRef={adr.entityRef}
              onOpenAdr={onOpenAdr}
            />
          </dd>
        </>
      )}
      {adr.links.length > 0 && (
        <>
          <dt>Links</dt>
          <dd>
            <AdrLinks adr={adr} onOpenAdr={onOpenAdr} />
          </dd>
        </>
      )}
    </FactList>
  );
}

function AdrView(props: {
  adr: AdrDetail;
  onOpenAdr: (id: string) => void;
  onRecorded: () => void;
}) {
  const { adr, onOpenAdr, onRecorded } = props;
  return (
    <>
      <AdrFacts adr={adr} onOpenAdr={onOpenAdr} />
      {adr.warnings.length > 0 && (
        <Alert
          severity="warning"
          style={{ marginTop: 16 }}
          data-testid="governance-adr-warnings"
        >
          <AlertTitle>Not everything in this file could be read</AlertTitle>
          <Box component="ul" m={0} pl={2}>
            {adr.warnings.map(warning => (
              <li key={warning}>{warning}</li>
            ))}
          </Box>
        </Alert>
      )}
      <Divider style={{ marginTop: 16, marginBottom: 16 }} />
      <AdrMarkdown adr={adr} onOpenAdr={onOpenAdr} />
      <DialogSection title="Retrospective">
        <AdrRetrospectiveSection adr={adr} onRecorded={onRecorded} />
      </DialogSection>
      <DialogSection title="Decision impact">
        <AdrImpactSection adr={adr} />
      </DialogSection>
    </>
  );
}

/** Props for {@link AdrDialog}. */
export interface AdrDialogProps {
  /** The ADR to open first. */
  adrId: string;
  onClose: () => void;
  /** Called when something changed an ADR, such as a recorded retrospective. */
  onChanged?: () => void;
}

/**
 * One ADR: its status, date, deciders and links, the rendered Markdown, its retrospective and
 * the measured impact of the decision. Links to other ADRs open them in the same dialog, and
 * Back returns to the one before.
 */
export function AdrDialog(props: AdrDialogProps) {
  const { adrId, onClose, onChanged } = props;
  const [trail, setTrail] = useState([adrId]);
  const currentId = trail[trail.length - 1];
  const {
    value: loaded,
    error,
    retry,
  } = useGovernanceAsyncRetry(
    async api => ({ id: currentId, adr: await api.getAdr(currentId) }),
    [currentId],
  );
  // What an earlier ADR of the trail returned does not belong to this one.
  const adr = loaded?.id === currentId ? loaded.adr : undefined;
  const titleId = 'governance-adr-dialog-title';

  const open = (id: string) => setTrail(previous => [...previous, id]);
  const back = () => setTrail(previous => previous.slice(0, -1));

  return (
    <DetailDialog
      titleId={titleId}
      title={adr ? adrHeading(adr) : 'ADR'}
      testId="governance-adr-dialog"
      onClose={onClose}
      actions={trail.length > 1 && <Button onClick={back}>Back</Button>}
    >
      {adr ? (
        <AdrView
          adr={adr}
          onOpenAdr={open}
          onRecorded={() => {
            retry();
            onChanged?.();
          }}
        />
      ) : (
        <LoadingDetail error={error} failure="The ADR could not be loaded." />
      )}
    </DetailDialog>
  );
}
