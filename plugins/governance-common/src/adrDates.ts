import { AdrDateOrder } from './adrs';
import { parseIsoDate } from './input';

/** What one written date gave: the day, and how it was read when it could be read two ways. */
export interface AdrDateReading {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Set when the day and the month could swap places: the other reading, `YYYY-MM-DD`. */
  otherReading?: string;
}

const MAX_WRITTEN_DATE = 80;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
// "December 1, 2021", "Dec 1st 2021"
const MONTH_FIRST_WORDS =
  /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/;
// "1 December 2021", "1st Dec, 2021"
const DAY_FIRST_WORDS =
  /^(\d{1,2})(?:st|nd|rd|th)?\.? ([a-z]{3,9})\.?,? (\d{4})$/;
// "2019 Oct 23"
const YEAR_FIRST_WORDS = /^(\d{4}) ([a-z]{3,9})\.? (\d{1,2})$/;

function monthNumber(word: string): number | undefined {
  const index = MONTHS.findIndex(
    month => month === word || (word.length === 3 && month.startsWith(word)),
  );
  return index === -1 ? undefined : index + 1;
}

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
  const inWords = dateInWords(text.toLowerCase());
  if (!inWords) {
    return undefined;
  }
  const date = iso(inWords.year, inWords.month, inWords.day);
  return date ? { date } : undefined;
}

function dateInWords(
  lower: string,
): { year: number; month: number; day: number } | undefined {
  let parts: [string, string, string] | undefined;
  const monthFirst = MONTH_FIRST_WORDS.exec(lower);
  if (monthFirst) {
    parts = [monthFirst[3], monthFirst[1], monthFirst[2]];
  }
  const dayFirst = DAY_FIRST_WORDS.exec(lower);
  if (dayFirst) {
    parts = [dayFirst[3], dayFirst[2], dayFirst[1]];
  }
  const yearFirst = YEAR_FIRST_WORDS.exec(lower);
  if (yearFirst) {
    parts = [yearFirst[1], yearFirst[2], yearFirst[3]];
  }
  const month = parts && monthNumber(parts[1]);
  return parts && month
    ? { year: Number(parts[0]), month, day: Number(parts[2]) }
    : undefined;
}

/** `2018-02-05` as "5 February 2018", to show both readings of an ambiguous date in words. */
export function spelledDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const name = MONTHS[month - 1];
  return `${day} ${name[0].toUpperCase()}${name.slice(1)} ${year}`;
}
