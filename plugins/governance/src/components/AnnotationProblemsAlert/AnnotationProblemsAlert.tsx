import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import Typography from '@material-ui/core/Typography';
import {
  AnnotationProblem,
  ValidationMode,
} from '@catalog-governance/backstage-plugin-governance-common';

/** Props for {@link AnnotationProblemsAlert}. */
export interface AnnotationProblemsAlertProps {
  problems: AnnotationProblem[];
  validationMode: ValidationMode;
}

/**
 * Lists malformed governance annotations. The catalog only lets such entities through in
 * `warn` mode (or kept them from before validation), so the page is where owners find out.
 */
export function AnnotationProblemsAlert(props: AnnotationProblemsAlertProps) {
  const { problems, validationMode } = props;
  if (problems.length === 0) {
    return null;
  }
  return (
    <Alert severity="warning" data-testid="governance-problems">
      <AlertTitle>Invalid governance annotations</AlertTitle>
      <Typography variant="body2">
        {validationMode === 'warn'
          ? 'The catalog ingested this entity anyway because governance validation runs in warn mode.'
          : 'Governance validation runs in error mode, so the catalog rejects these values: it keeps serving this older version of the entity and ignores further changes until the annotations are fixed.'}{' '}
        Each invalid value counts as not declared until it is fixed in
        catalog-info.yaml.
      </Typography>
      <ul>
        {problems.map(problem => (
          <li key={problem.key}>
            <Typography variant="body2">{problem.message}</Typography>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
