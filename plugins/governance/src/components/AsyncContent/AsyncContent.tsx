import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/**
 * The states of a list the backend answers, shown the same way in every view: the error, a
 * progress bar until the first answer, the empty text, then the list.
 */
export function AsyncContent<T>(props: {
  error?: Error;
  value: T | undefined;
  /** Whether the answer holds nothing to list. */
  isEmpty: (value: T) => boolean;
  /** Shown instead of an empty list: a sentence (in secondary text) or an element. */
  empty: ReactNode;
  /**
   * A newer answer is loading. The previous page stays in place under a thin progress bar,
   * so paging does not make the table jump.
   */
  loading?: boolean;
  children: (value: T) => ReactNode;
}) {
  const { error, value, isEmpty, empty, loading, children } = props;
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (value === undefined) {
    return <Progress />;
  }
  if (isEmpty(value)) {
    return typeof empty === 'string' ? (
      <Typography variant="body2" color="textSecondary">
        {empty}
      </Typography>
    ) : (
      <>{empty}</>
    );
  }
  return (
    <>
      {loading && <LinearProgress />}
      {children(value)}
    </>
  );
}
