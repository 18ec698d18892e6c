import { DateTime } from 'luxon';
import { AdrDateOrder } from '../adrs';
import { parseIsoDate } from '../input';
import { quote } from './text';

/** What one written date gave: the day, and how it was read when it could be read two ways. */
export interface AdrDateReading {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Set when the day and the month could swap places: the other reading, `YYYY-MM-DD`. */
  otherReading?: string;
}

const MAX_WRITTEN_DATE = 80;

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
// Dates in words, read by luxon once ordinals ("1st") and commas are gone: "December 1 2021",
// "Dec 1 2021", "1 December 2021", "1 Dec 2021", "2019 Oct 23". Luxon checks the day exists.
const WORD_FORMATS = [
  'LLLL d yyyy',
  'LLL d yyyy',
  'd LLLL yyyy',
  'd LLL yyyy',
  'yyyy LLL d',
  'yyyy LLLL d',
];

function iso(year: number, month: number, day: number): string | undefined {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(
    2,
    '0',
  )}-${String(day).padStart(2, '0')}`;
  return parseIsoDate(text);
}

/**
 * The written date without what people put around it: emphasis, quotes, backticks and a
 * trailing note in brackets such as `(last update)` or `(yyyy-mm-dd)`.
 */
function bareDate(written: string): string {
  let text = written.trim();
  for (;;) {
    const before = text;
    text = text
      .replace(/^[*_`'"]+|[*_`'"]+$/g, '')
      .replace(/\s*\([^()]{0,40}\)$/, '')
      .replace(/\s*\[[^[\]]{0,40}\]$/, '')
      .trim();
    if (text === before) {
      return text.replace(/\s+/g, ' ');
    }
  }
}

/**
 * Reads a date as ADR authors write it: `2018-02-05`, `05/02/2018`, `12.06.2020`, `10/04/18`,
 * `December 1, 2021`, `1 December 2021`, `2022-05-02 (last update)`. A day and a month that can
 * swap places are read in `order`, and the other reading is returned so that the caller can
 * say so. Undefined when the text is no date (a template placeholder, a day that does not exist).
 */
export function readAdrDate(
  written: string,
  order: AdrDateOrder,
): AdrDateReading | undefined {
  // A date is short; anything longer is prose, and is not searched for one.
  if (written.length > MAX_WRITTEN_DATE) {
    return undefined;
  }
  const text = bareDate(written);
  const isoMatch = ISO.exec(text);
  if (isoMatch) {
    const date = iso(
      Number(isoMatch[1]),
      Number(isoMatch[2]),
      Number(isoMatch[3]),
    );
    return date ? { date } : undefined;
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[3]);
    // Two-digit years: ADRs were first written in 2011, so "18" is 2018.
    const year =
      numeric[4].length === 2 ? 2000 + Number(numeric[4]) : Number(numeric[4]);
    const dayFirst = iso(year, second, first);
    const monthFirst = iso(year, first, second);
    if (dayFirst && monthFirst && dayFirst !== monthFirst) {
      return order === 'day-first'
        ? { date: dayFirst, otherReading: monthFirst }
        : { date: monthFirst, otherReading: dayFirst };
    }
    const date = dayFirst ?? monthFirst;
    return date ? { date } : undefined;
  }
  const date = dateInWords(text);
  return date ? { date } : undefined;
}

function dateInWords(text: string): string | undefined {
  const words = text
    .replace(/(\d)(?:st|nd|rd|th)\b/gi, '$1')
    // `11-April-2023`: hyphens between the day, the month's name and the year.
    .replace(/[.,-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const format of WORD_FORMATS) {
    const day = DateTime.fromFormat(words, format, {
      locale: 'en',
      zone: 'utc',
    });
    if (day.isValid) {
      return day.toISODate() ?? undefined;
    }
  }
  return undefined;
}

/** `2018-02-05` as "5 February 2018", to show both readings of an ambiguous date in words. */
export function spelledDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).toFormat('d LLLL yyyy', {
    locale: 'en',
  });
}

/** The latest of the dates written, with a warning when none can be read or one is ambiguous. */
export function latestDate(
  written: string[],
  order: AdrDateOrder,
): { date?: string; dateWarning?: string } {
  let latest:
    | { written: string; date: string; otherReading?: string }
    | undefined;
  for (const text of written) {
    const reading = readAdrDate(text, order);
    if (reading && (!latest || reading.date >= latest.date)) {
      latest = { written: text, ...reading };
    }
  }
  if (!latest) {
    return written.length === 0
      ? {}
      : { dateWarning: `date '${quote(written[0])}' is not a YYYY-MM-DD date` };
  }
  if (!latest.otherReading) {
    return { date: latest.date };
  }
  return {
    date: latest.date,
    dateWarning: `date '${quote(latest.written)}' can be read as ${spelledDate(
      latest.date,
    )} or ${spelledDate(latest.otherReading)}; it is read ${order} as ${
      latest.date
    } (governance.adrs.dateOrder): write ${latest.date} to remove the doubt`,
  };
}
