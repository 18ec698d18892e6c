import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  FormDialog,
  FormDialogProps,
  FormTextArea,
  FormTextField,
} from './FormDialog';

function renderForm(props: Partial<FormDialogProps> = {}) {
  const onSubmit = jest.fn();
  const onCancel = jest.fn();
  return renderInTestApp(
    <FormDialog
      title="Waive p95 latency"
      intro="Why the check may fail for now."
      submitLabel="Grant waiver"
      busyLabel="Granting…"
      busy={false}
      onSubmit={onSubmit}
      onCancel={onCancel}
      {...props}
    >
      <input aria-label="Reason" />
    </FormDialog>,
  ).then(() => ({ onSubmit, onCancel }));
}

describe('FormDialog', () => {
  it('sends the form from the submit button and closes it from Cancel', async () => {
    const { onSubmit, onCancel } = await renderForm();
    const dialog = within(
      screen.getByRole('dialog', { name: 'Waive p95 latency' }),
    );
    expect(dialog.getByText('Why the check may fail for now.')).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Grant waiver' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('keeps both buttons disabled and names the work while busy', async () => {
    await renderForm({ busy: true });
    expect(screen.getByRole('button', { name: 'Granting…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  });

  it('locks its fields while busy, even one passed disabled={undefined}', async () => {
    await renderInTestApp(
      <FormDialog
        title="Waive p95 latency"
        submitLabel="Grant waiver"
        busy
        onSubmit={jest.fn()}
        onCancel={jest.fn()}
      >
        <FormTextArea
          id="reason"
          label="Reason"
          value=""
          onChange={jest.fn()}
          disabled={undefined}
        />
        <FormTextField id="expires" label="Expires on" disabled={undefined} />
      </FormDialog>,
    );
    expect(screen.getByRole('textbox', { name: /Reason/ })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: /Expires on/ })).toBeDisabled();
  });

  it('shows why the last submission failed above the fields', async () => {
    await renderForm({
      error: 'The waiver was not granted. Forbidden',
      errorTestId: 'waiver-error',
    });
    expect(screen.getByTestId('waiver-error')).toHaveTextContent(
      'The waiver was not granted. Forbidden',
    );
  });

  it('shows an inline form in place, named by its title, without a dialog', async () => {
    const { onSubmit } = await renderForm({
      inline: true,
      title: 'Decide',
      onCancel: undefined,
      canSubmit: false,
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const form = within(screen.getByRole('form', { name: 'Decide' }));
    expect(form.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(form.getByRole('button', { name: 'Grant waiver' })).toBeDisabled();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
