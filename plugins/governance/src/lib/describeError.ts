import { ResponseError } from '@backstage/errors';

// A ResponseError's own message only names the status; the backend's reason is its cause.

/** The backend's reason for a failed request, e.g. `Unauthorized`. */
export function reasonOf(error: Error): string {
  return ResponseError.is(error) ? error.cause.message : error.message;
}

/** The status and the backend's reason, e.g. `Request failed with 403 Forbidden: Unauthorized`. */
export function describeError(error: Error): string {
  return ResponseError.is(error)
    ? `${error.message}: ${error.cause.message}`
    : error.message;
}

/** The HTTP status of a failed request, when it came from the backend. */
export function statusOf(error: Error): number | undefined {
  return ResponseError.is(error) ? error.statusCode : undefined;
}
