import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { reasonOf } from '../../lib/describeError';

/**
 * Saves the blob as a file. The export is fetched with the user's token, which a plain link to
 * the backend would not send, so the browser gets it from an object URL instead.
 */
function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Props for {@link ExportCsvButton}. */
export interface ExportCsvButtonProps {
  /** Fetches the export, e.g. `() => governanceApi.exportComplianceCsv(request)`. */
  load: () => Promise<Blob>;
  filename: string;
  disabled?: boolean;
}

/** Downloads a view as CSV, showing progress and, if it fails, why. */
export function ExportCsvButton(props: ExportCsvButtonProps) {
  const { load, filename, disabled } = props;
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<Error>();

  const exportCsv = async () => {
    setExporting(true);
    setError(undefined);
    try {
      download(await load(), filename);
    } catch (e) {
      setError(e as Error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Box display="inline-flex" flexDirection="column" alignItems="flex-end">
      <Button
        variant="outlined"
        size="small"
        onClick={exportCsv}
        disabled={disabled || exporting}
        startIcon={
          exporting ? (
            <CircularProgress size={16} aria-hidden />
          ) : (
            <GetAppIcon />
          )
        }
      >
        Export CSV
      </Button>
      {error && (
        <Typography variant="caption" color="error" role="alert">
          The export failed: {reasonOf(error)}
        </Typography>
      )}
    </Box>
  );
}
