import { ResponseError } from '@backstage/errors';
import { screen } from '@testing-library/react';

/** The error GovernanceClient throws for a failed request, built from a real Response. */
export async function responseError(
  status: number,
  statusText: string,
  body: unknown,
): Promise<ResponseError> {
  const json = typeof body !== 'string';
  return ResponseError.fromResponse(
    new Response(json ? JSON.stringify(body) : body, {
      status,
      statusText,
      headers: { 'Content-Type': json ? 'application/json' : 'text/plain' },
    }),
  );
}

/**
 * The error GovernanceClient throws when the backend refuses a request with a Backstage JSON
 * error of the given name and message.
 */
export async function backendError(
  status: number,
  statusText: string,
  error: { name: string; message: string },
): Promise<ResponseError> {
  return responseError(status, statusText, {
    error,
    request: { method: 'GET', url: '/api/governance' },
    response: { statusCode: status },
  });
}

/** Backstage's status text and error name for each status the backend refuses with. */
const REFUSALS = {
  400: { statusText: 'Bad Request', name: 'InputError' },
  403: { statusText: 'Forbidden', name: 'NotAllowedError' },
  404: { statusText: 'Not Found', name: 'NotFoundError' },
  409: { statusText: 'Conflict', name: 'ConflictError' },
  500: { statusText: 'Internal Server Error', name: 'Error' },
  503: { statusText: 'Service Unavailable', name: 'ServiceUnavailableError' },
};

/**
 * An API method that fails the way GovernanceClient does when the backend refuses with
 * `status` and a Backstage JSON error saying `message`, named as Backstage names that status.
 */
export function refusedWith(
  status: keyof typeof REFUSALS,
  message: string,
): () => Promise<never> {
  return async () => {
    const { statusText, name } = REFUSALS[status];
    throw await backendError(status, statusText, { name, message });
  };
}

/**
 * Expects the view to show a refused request the way ResponseErrorPanel does, with the status
 * (e.g. `Request failed with 500 Internal Server Error`) and the backend's reason, and no table.
 */
export async function expectRefusalShown(status: string, reason: string) {
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(status);
  expect(alert).toHaveTextContent(reason);
  expect(screen.queryByRole('table')).toBeNull();
}
