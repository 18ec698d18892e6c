import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField, { OutlinedTextFieldProps } from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { createContext, FormEvent, ReactNode, useContext } from 'react';

const FormBusyContext = createContext(false);

/** Props for {@link FormTextField}. */
export interface FormTextFieldProps
  extends Omit<OutlinedTextFieldProps, 'variant'> {
  /** What is wrong with the value, once the form was submitted: it marks the field. */
  problem?: string;
  /** Help shown under the field while nothing is wrong with it. */
  hint?: ReactNode;
}

/**
 * A field of a {@link FormDialog}: outlined and spaced like the others, and disabled while the
 * form is busy. Its problem, if any, replaces the hint beneath it.
 */
export function FormTextField(props: FormTextFieldProps) {
  const { problem, hint, disabled, ...field } = props;
  const busy = useContext(FormBusyContext);
  return (
    <TextField
      variant="outlined"
      margin="normal"
      error={!!problem}
      helperText={problem ?? hint}
      {...field}
      // After the spread: a field passed `disabled={undefined}` must still lock while sending.
      disabled={busy || !!disabled}
    />
  );
}

/**
 * An answer of a few lines, such as notes, a rationale or a reason: required unless `optional`.
 */
export function FormTextArea(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
  hint?: string;
  disabled?: boolean;
  optional?: boolean;
  /** How many lines it shows before it is typed in; 3 unless given. */
  minRows?: number;
}) {
  const { onChange, optional, minRows = 3, ...field } = props;
  return (
    <FormTextField
      {...field}
      onChange={e => onChange(e.target.value)}
      required={!optional}
      multiline
      minRows={minRows}
      fullWidth
    />
  );
}

/**
 * A native select of a {@link FormDialog}: `children` come first (a placeholder or "None"),
 * then one option per value of `options`, named by `optionLabel`.
 */
export function FormSelectField<V extends string, O extends V = V>(
  props: Omit<FormTextFieldProps, 'select' | 'value' | 'onChange'> & {
    value: V;
    onChange: (value: V) => void;
    options: readonly O[];
    optionLabel: (option: O) => ReactNode;
  },
) {
  const { value, onChange, options, optionLabel, children, ...field } = props;
  return (
    <FormTextField
      {...field}
      select
      SelectProps={{ native: true }}
      value={value}
      onChange={e => onChange(e.target.value as V)}
    >
      {children}
      {options.map(option => (
        <option key={option} value={option}>
          {optionLabel(option)}
        </option>
      ))}
    </FormTextField>
  );
}

/** Props for {@link FormDialog}. */
export interface FormDialogProps {
  /** The dialog's title; an inline form is named by it for assistive technology. */
  title: string;
  /** Prefix of the dialog's element ids; its title is `<idPrefix>-title`. */
  idPrefix?: string;
  /**
   * Shows the form in place, inside a page or another dialog, with its buttons under the
   * fields, instead of in a dialog of its own.
   */
  inline?: boolean;
  /** What the form does, shown under the title. */
  intro?: ReactNode;
  /** Why the last submission failed, shown above the fields. */
  error?: ReactNode;
  /** The test id of the failure message. */
  errorTestId?: string;
  submitLabel: string;
  /** The submit button's label while busy; the submit label when left out. */
  busyLabel?: string;
  /** While busy, the buttons are disabled and the dialog stays open. */
  busy: boolean;
  /** False keeps Submit disabled, for example while nothing changed. */
  canSubmit?: boolean;
  onSubmit: () => void;
  /** Cancel closes the form; without it there is no Cancel button. */
  onCancel?: () => void;
  children: ReactNode;
}

/**
 * The frame every governance form shares: title, failure message, fields, then Cancel and
 * Submit. Submitting runs `onSubmit` instead of reloading the page; the browser's own
 * validation stays off, so each form shows its own messages.
 */
export function FormDialog(props: FormDialogProps) {
  const {
    title,
    idPrefix = 'governance-form',
    inline,
    intro,
    error,
    errorTestId,
    submitLabel,
    busyLabel,
    busy,
    canSubmit = true,
    onSubmit,
    onCancel,
    children,
  } = props;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const failure = error && (
    <Alert
      severity="error"
      data-testid={errorTestId}
      style={{ marginBottom: 16 }}
    >
      {error}
    </Alert>
  );
  const buttons = (
    <>
      {onCancel && (
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      )}
      <Button
        type="submit"
        color="primary"
        variant="contained"
        disabled={busy || !canSubmit}
      >
        {busy && busyLabel ? busyLabel : submitLabel}
      </Button>
    </>
  );

  if (inline) {
    return (
      <form noValidate onSubmit={submit} aria-label={title}>
        {failure}
        <FormBusyContext.Provider value={busy}>
          {children}
        </FormBusyContext.Provider>
        <Box display="flex" justifyContent="flex-end" mt={1} style={{ gap: 8 }}>
          {buttons}
        </Box>
      </form>
    );
  }

  const titleId = `${idPrefix}-title`;
  return (
    <Dialog
      open
      onClose={() => {
        if (!busy) {
          onCancel?.();
        }
      }}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {intro && <DialogContentText>{intro}</DialogContentText>}
          {failure}
          <FormBusyContext.Provider value={busy}>
            {children}
          </FormBusyContext.Provider>
        </DialogContent>
        <DialogActions>{buttons}</DialogActions>
      </form>
    </Dialog>
  );
}
