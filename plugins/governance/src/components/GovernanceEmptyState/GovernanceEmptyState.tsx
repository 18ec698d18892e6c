import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { governanceAnnotationsExample } from './governanceAnnotationsExample';

/** Props for {@link GovernanceEmptyState}. */
export interface GovernanceEmptyStateProps {
  /** Used in the example's monitoring and runbook URLs so the snippet reads like this entity's. */
  entityName: string;
}

/**
 * Shown instead of the Governance tab's sections when the entity carries no governance
 * annotation at all, with a snippet to copy into catalog-info.yaml.
 */
export function GovernanceEmptyState(props: GovernanceEmptyStateProps) {
  return (
    <EmptyState
      missing="info"
      title="No governance annotations yet"
      description="Declare this entity's tier, tech lead, architect and non-functional targets with governance annotations in its catalog-info.yaml. The Governance tab then compares what you declare with what the tier demands."
      action={
        <Box data-testid="governance-annotations-example">
          <Typography variant="body1" paragraph>
            Add this block to the entity and adjust the values. Every annotation
            is optional; an absent one shows as unknown.
          </Typography>
          <CodeSnippet
            text={governanceAnnotationsExample(props.entityName)}
            language="yaml"
            showCopyCodeButton
          />
        </Box>
      }
    />
  );
}
