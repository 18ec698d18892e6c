import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useState } from 'react';
import { governanceApiRef } from '../../api';
import { useReviewKinds } from '../../hooks/useReviewKinds';
import { describeError } from '../../lib/describeError';
import { AdrReferenceField } from '../ReviewDialog';

/** The kind a request starts with: most requests ask the council to look at a design. */
const DEFAULT_KIND = 'design-review';

/** Props for {@link RequestReviewDialog}. */
export interface RequestReviewDialogProps {
  /** The entity to review, as a full entity ref. */
  entityRef: string;
  /** Called when the user cancels, and after the review was requested. */
  onClose: () => void;
  /** Called once the review was requested, so the list can reload. */
  onRequested: () => void;
}

/**
 * Asks the architecture council to review the entity: which kind of review, a title, and
 * optionally a description and the ADR under discussion. Mount it to open it empty.
 */
export function RequestReviewDialog(props: RequestReviewDialogProps) {
  const { entityRef, onClose, onRequested } = props;
  const governanceApi = useApi(governanceApiRef);
  const { kinds } = useReviewKinds();
  const [kind, setKind] = useState<string>();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [adr, setAdr] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<Error>();

  // Until the user picks one: design review when the backend offers it, else its first kind.
  const selectedKind =
    kind ??
    (kinds.some(k => k.id === DEFAULT_KIND) ? DEFAULT_KIND : kinds[0]?.id) ??
    DEFAULT_KIND;
  const titleProblem =
    attempted && !title.trim()
      ? 'Give the review a title: what should the council look at?'
      : undefined;
  const idPrefix = 'governance-request-review';
  const titleId = `${idPrefix}-title`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!title.trim()) {
      return;
    }
    setSubmitting(true);
    setServerError(undefined);
    try {
      await governanceApi.requestReview({
        entityRef,
        kind: selectedKind,
        title: title.trim(),
        description: description.trim() || undefined,
        adr: adr.trim() || undefined,
      });
    } catch (e) {
      setServerError(e as Error);
      setSubmitting(false);
      return;
    }
    onRequested();
    onClose();
  };

  return (
    <Dialog
      open
      onClose={() => {
        if (!submitting) {
          onClose();
        }
      }}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>Request a review</DialogTitle>
        <DialogContent>
          <DialogContentText>
            The architecture council triages requests in its review queue and
            records its decision here, with a rationale.
          </DialogContentText>
          {serverError && (
            <Alert
              severity="error"
              data-testid="governance-request-review-error"
              style={{ marginBottom: 16 }}
            >
              The review was not requested. {describeError(serverError)}
            </Alert>
          )}
          <TextField
            id={`${idPrefix}-kind`}
            label="Kind"
            select
            SelectProps={{ native: true }}
            value={selectedKind}
            onChange={e => setKind(e.target.value)}
            fullWidth
            margin="normal"
            variant="outlined"
            disabled={submitting}
          >
            {kinds.map(k => (
              <option key={k.id} value={k.id}>
                {k.title}
              </option>
            ))}
          </TextField>
          <TextField
            id={`${idPrefix}-title-field`}
            label="Title"
            value={title}
            onChange={e => setTitle(e.target.value)}
            required
            fullWidth
            margin="normal"
            variant="outlined"
            disabled={submitting}
            error={!!titleProblem}
            helperText={titleProblem}
          />
          <TextField
            id={`${idPrefix}-description`}
            label="Description"
            value={description}
            onChange={e => setDescription(e.target.value)}
            multiline
            minRows={3}
            fullWidth
            margin="normal"
            variant="outlined"
            disabled={submitting}
            helperText="What changes, why, and what the council should weigh."
          />
          <AdrReferenceField
            id={`${idPrefix}-adr`}
            label="Linked ADR (optional)"
            entityRef={entityRef}
            value={adr}
            onChange={setAdr}
            disabled={submitting}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting}
          >
            Request
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
