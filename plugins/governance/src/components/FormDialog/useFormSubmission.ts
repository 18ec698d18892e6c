import { useState } from 'react';
import useMountedState from 'react-use/esm/useMountedState';
import { describeError } from '../../lib/describeError';

/** What is wrong with each field, by field; `undefined` where the field is fine. */
export type FormProblems = Record<string, string | undefined>;

function describeFailure(
  error: Error,
  failure?: string | ((error: Error) => string),
): string {
  if (typeof failure === 'function') {
    return failure(error);
  }
  return failure ? `${failure} ${describeError(error)}` : describeError(error);
}

/**
 * The state a form keeps while it is filled in and sent. Problems show once the user tried to
 * submit, then follow every change; a form with problems is not sent. A failed send keeps
 * what was entered and shows its error. `dialogProps` hands all of that to a
 * {@link FormDialog}.
 */
export function useFormSubmission<P extends FormProblems>(options: {
  problems: P;
  /** Sends the form; throws when it was not accepted. */
  send: () => Promise<unknown>;
  /**
   * What the form says when the send failed: a sentence the error's description follows, such
   * as "The waiver was not granted.", or the whole message made from the error.
   */
  failure?: string | ((error: Error) => string);
}) {
  const { problems, send, failure } = options;
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<Error>();
  const isMounted = useMountedState();

  const submit = async () => {
    setAttempted(true);
    if (Object.values(problems).some(Boolean)) {
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      await send();
    } catch (e) {
      setError(e as Error);
    } finally {
      // A form that was sent usually closes; only one still shown can be sent again.
      if (isMounted()) {
        setSubmitting(false);
      }
    }
  };

  const shown: Partial<P> = attempted ? problems : {};
  const failureMessage = error && describeFailure(error, failure);
  const dialogProps = {
    busy: submitting,
    onSubmit: submit,
    error: failureMessage,
  };
  return { shown, attempted, submitting, error, submit, dialogProps };
}
