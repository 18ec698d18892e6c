import Typography from '@material-ui/core/Typography';
import { AdrImpact } from '@catalog-governance/backstage-plugin-governance-common';
import { impactSummary } from './impactFormat';

/**
 * The measured impact the notes start from, as the backend worked it out for the ADR: one line
 * per delivery metric with data, or nothing while it loads or when none was pushed.
 */
export function RetrospectiveMeasuredImpact(props: { impact?: AdrImpact }) {
  const summary = props.impact ? impactSummary(props.impact.metrics) : '';
  if (!summary) {
    return null;
  }
  return (
    <div data-testid="governance-retrospective-impact">
      <Typography variant="subtitle2">
        Measured impact ({props.impact!.windowDays} days before and after)
      </Typography>
      <Typography
        variant="body2"
        component="pre"
        style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}
      >
        {summary}
      </Typography>
    </div>
  );
}
