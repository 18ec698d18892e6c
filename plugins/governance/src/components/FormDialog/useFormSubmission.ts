import { useState } from 'react';
import useMountedState from 'react-use/esm/useMountedState';

/** What is wrong with each field, by field; `undefined` where the field is fine. */
export type FormProblems = Record<string, string | undefined>;

/**
 * The state a form keeps while it is filled in and sent. Problems show once the user tried to
 * submit, then follow every change; a form with problems is not sent. A failed send keeps
 * what was entered and shows its error.
 */
export function useFormSubmission<P extends FormProblems>(options: {
  problems: P;
  /** Sends the form; throws when it was not accepted. */
  send: () => Promise<unknown>;
}) {
  const { problems, send } = options;
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
  return { shown, attempted, submitting, error, submit };
}
