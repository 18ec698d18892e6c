import express from 'express';

/**
 * One CSV document (RFC 4180, CRLF line ends). Cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @) are prefixed with a quote, since titles come from catalog files
 * anyone can edit.
 *
 * @internal
 */
export function toCsv(
  header: string[],
  rows: Array<Array<string | number | undefined>>,
): string {
  const cell = (value: string | number | undefined) => {
    if (value === undefined) {
      return '';
    }
    if (typeof value === 'number') {
      return String(value);
    }
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows]
    .map(row => row.map(cell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/**
 * Sends a CSV document as a download named `fileName`.
 *
 * @internal
 */
export function sendCsv(
  res: express.Response,
  fileName: string,
  body: string,
): void {
  res
    .status(200)
    .type('text/csv; charset=utf-8')
    .attachment(fileName)
    .send(body);
}
