import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { GovernanceOwnership } from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode } from 'react';
import { Muted } from '../Muted';

function NotSet() {
  return <Muted>not set</Muted>;
}

function entityLink(entityRef: string | undefined, defaultKind: string) {
  return entityRef ? (
    <EntityRefLink entityRef={entityRef} defaultKind={defaultKind} />
  ) : (
    <NotSet />
  );
}

function externalLink(url: string | undefined) {
  return url ? (
    <Link to={url} externalLinkIcon>
      {url}
    </Link>
  ) : (
    <NotSet />
  );
}

export function OwnershipSection(props: { ownership: GovernanceOwnership }) {
  const { ownership } = props;
  const rows: Array<[label: string, value: ReactNode]> = [
    ['Owner', entityLink(ownership.owner, 'group')],
    ['Tech lead', entityLink(ownership.techLead, 'user')],
    ['Architect', entityLink(ownership.architect, 'user')],
    ['Monitoring', externalLink(ownership.monitoringUrl)],
    ['Runbook', externalLink(ownership.runbookUrl)],
  ];
  return (
    <InfoCard title="Ownership" variant="gridItem">
      <Table size="small" aria-label="Ownership">
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell component="th" scope="row">
                {label}
              </TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
