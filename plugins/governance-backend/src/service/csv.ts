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
 * Every item of a paged list, read `limit` at a time so an export of a large catalog never
 * needs one huge query.
 *
 * @internal
 */
export async function readAllPages<T>(
  readPage: (page: {
    offset: number;
    limit: number;
  }) => Promise<{ items: T[]; totalItems: number }>,
  limit = 100,
): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await readPage({ offset, limit });
    items.push(...page.items);
    if (offset + limit >= page.totalItems) {
      return items;
    }
  }
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
