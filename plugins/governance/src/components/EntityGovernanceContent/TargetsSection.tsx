import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { TargetEvaluation } from '@internal/backstage-plugin-governance-common';
import { TargetStatusIndicator } from '../TargetStatusIndicator';

export function TargetsSection(props: { targets: TargetEvaluation[] }) {
  const { targets } = props;
  return (
    <InfoCard
      title="NFR targets"
      subheader="Declared values only: what the governance annotations declare, compared with the tier's targets. Measured facts arrive with the scorecard."
    >
      {targets.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Without a valid tier there are no targets to compare against.
        </Typography>
      ) : (
        <Table size="small" aria-label="NFR targets">
          <TableHead>
            <TableRow>
              <TableCell>Target area</TableCell>
              <TableCell>Tier target</TableCell>
              <TableCell>Declared value</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Annotation</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {targets.map(target => (
              <TableRow
                key={target.id}
                data-testid={`governance-target-${target.id}`}
              >
                <TableCell component="th" scope="row">
                  {target.title}
                </TableCell>
                <TableCell>{target.target}</TableCell>
                <TableCell>
                  {target.declared ?? (
                    <Typography
                      variant="body2"
                      component="span"
                      color="textSecondary"
                    >
                      not declared
                    </Typography>
                  )}
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  <TargetStatusIndicator status={target.status} />
                </TableCell>
                <TableCell>
                  <code>{target.annotation}</code>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
