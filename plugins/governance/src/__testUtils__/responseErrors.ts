import { ResponseError } from '@backstage/errors';

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
