import { DateTime } from 'luxon';
/**
 * At most this many characters of a value are quoted back in an error message, so a 9 MB field
 * gives a short 400 and not a 19 MB one.
 *
 * @public
 */
export const MAX_QUOTED_LENGTH = 100;

// Nested values are previewed this deep, whatever their real depth: the preview never recurses
// further, so no value can overflow the stack while its error message is being built.
const PREVIEW_DEPTH = 2;

function cut(text: string, max: number): string {
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

function quoteText(text: string, max: number): string {
  return JSON.stringify(text.length > max ? cut(text, max) : text);
}

function preview(value: unknown, depth: number, budget: number): string {
  if (typeof value === 'string') {
    return quoteText(value, Math.max(1, budget));
  }
  if (value === null || typeof value !== 'object') {
    return typeof value === 'number' ||
      typeof value === 'boolean' ||
      value === null
      ? String(value)
      : typeof value;
  }
  const array = Array.isArray(value);
  const [open, close] = array ? ['[', ']'] : ['{', '}'];
  if (depth >= PREVIEW_DEPTH) {
    return `${open}…${close}`;
  }
  let text = open;
  // Keys are read lazily: an object with a million keys is not listed to show three.
  let index = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) {
      continue;
    }
    if (text.length >= budget) {
      return `${text}${index ? ',' : ''}…${close}`;
    }
    const item = (value as Record<string, unknown>)[key];
    const room = budget - text.length;
    text += `${index ? ',' : ''}${
      array ? '' : `${quoteText(key, Math.max(1, room))}:`
    }${preview(item, depth + 1, budget - text.length)}`;
    index += 1;
  }
  return `${text}${close}`;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) {
    return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'string') {
    return `text of ${value.length} characters`;
  }
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

/**
 * Describes a value received in a request for an error message: a JSON preview of at most
 * {@link MAX_QUOTED_LENGTH} characters, followed by its type when the preview is cut short or
 * does not show it. Safe for values of any size and depth.
 *
 * @example
 * ```ts
 * describeValue('speed') // '"speed"'
 * describeValue('x'.repeat(9e6)) // '"xxx…" (text of 9000000 characters)'
 * describeValue({ a: { a: { a: 1 } } }) // '{"a":{"a":{…}}} (an object)'
 * ```
 *
 * @public
 */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const shown = preview(value, 0, MAX_QUOTED_LENGTH);
  const complete =
    (typeof value !== 'object' || value === null) &&
    !(typeof value === 'string' && value.length > MAX_QUOTED_LENGTH);
  return complete ? shown : `${shown} (${kindOf(value)})`;
}

/**
 * Describes the first few of a list of values for an error message, and how many more there are.
 *
 * @public
 */
export function describeValues(values: readonly unknown[], max = 5): string {
  const shown = values.slice(0, max).map(describeValue).join(', ');
  return values.length > max
    ? `${shown} and ${values.length - max} more`
    : shown;
}

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
function isControl(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f)
  );
}

/**
 * The first control character in a text, written `U+0000`, or undefined when there is none.
 * Tab, line feed and carriage return are allowed: they belong in multi-line text. PostgreSQL
 * cannot store NUL at all, and none of the others belongs in a title, a comment or an id.
 *
 * @public
 */
export function findControlCharacter(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code)) {
      return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    }
  }
  return undefined;
}

// The shapes we accept; luxon then checks that every field is in range (no 2026-02-30, no 12:61).
// Luxon's own ISO reading is wider (week dates, bare years, times without a zone, 24:00), hence
// these.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

const validDates = new Map<string, boolean>();

/**
 * Reads a calendar date written `YYYY-MM-DD`, as ISO 8601 writes it. Returns it unchanged, or
 * undefined for anything else, including dates that do not exist such as `2026-02-30`, which
 * `Date` would silently turn into 2 March.
 *
 * @public
 */
export function parseIsoDate(text: unknown): string | undefined {
  if (typeof text !== 'string' || !ISO_DATE.test(text)) {
    return undefined;
  }
  // Every evaluation reads each entity's annotated dates again, and entities share few of
  // them: luxon's verdict on each is remembered (bounded, so memory stays flat).
  let valid = validDates.get(text);
  if (valid === undefined) {
    valid = DateTime.fromISO(text, { zone: 'utc' }).isValid;
    if (validDates.size >= 10_000) {
      validDates.clear();
    }
    validDates.set(text, valid);
  }
  return valid ? text : undefined;
}

/**
 * Reads an instant written in ISO 8601: a date (`2026-02-01`, midnight UTC), or a date and time
 * with its zone (`2026-02-01T10:00:00Z`, `2026-02-01T11:00:00.123+01:00`). Every field must be
 * in range, so the text survives a round trip; a time without a zone, a week date, a bare year
 * or a number is undefined. Fractions beyond the millisecond are dropped.
 *
 * @public
 */
export function parseIsoTimestamp(text: unknown): Date | undefined {
  if (
    typeof text !== 'string' ||
    !(ISO_DATE.test(text) || ISO_TIMESTAMP.test(text))
  ) {
    return undefined;
  }
  // A timestamp carries its own offset (the shape above requires one): reading it in that
  // offset spares luxon a conversion to UTC, half of its cost, for the same instant.
  const instant = ISO_DATE.test(text)
    ? DateTime.fromISO(text, { zone: 'utc' })
    : DateTime.fromISO(text, { setZone: true });
  return instant.isValid ? instant.toJSDate() : undefined;
}
