/**
 * Shows a timestamp as its UTC calendar date. ISO dates keep the page consistent with the
 * `YYYY-MM-DD` values people write in governance annotations, whatever the browser locale.
 */
export function formatDate(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime())
    ? timestamp
    : date.toISOString().slice(0, 10);
}

/**
 * Shows a timestamp as its UTC date and minute, e.g. `2025-11-02 07:15 UTC`, for the same
 * reason as {@link formatDate}.
 */
export function formatDateTime(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime())
    ? timestamp
    : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
