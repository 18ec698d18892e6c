import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import RefreshIcon from '@material-ui/icons/Refresh';

/** Asks the backend to read or evaluate again now, instead of waiting for its schedule. */
export function RefreshButton(props: {
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const { onRefresh, refreshing } = props;
  return (
    <Button
      variant="outlined"
      size="small"
      onClick={() => onRefresh()}
      disabled={refreshing}
      startIcon={
        refreshing ? (
          // The label already says it is refreshing; the spinner only shows that it moves.
          <CircularProgress size={16} aria-hidden />
        ) : (
          <RefreshIcon />
        )
      }
    >
      {refreshing ? 'Refreshing…' : 'Refresh'}
    </Button>
  );
}
