/*
 * Hostile values for the route fuzzing (fuzzRoutes.ts): strings, numbers, nesting, prototype keys,
 * dates, query values, path ids and bodies that a schema does not describe but that break naive
 * code. Test support only.
 */
import fc from 'fast-check';
import { inDays } from './dates';
import {
  MAX_BODY_BYTES,
  MAX_BODY_DEPTH,
  MAX_PATH_PARAMETER_LENGTH,
} from '../service/inputLimits';

/** A piece of JSON text spliced in as written: numbers JSON.stringify cannot produce, depth. */
export class RawJson {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

const RAW_TOKEN = '\u0001fuzz-raw-';

/** JSON text of a value, with RawJson pieces spliced in and every own key kept. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `${RAW_TOKEN}${raws.length - 1}`;
    }
    return v;
  });
  if (text === undefined) {
    return 'null';
  }
  return raws.length
    ? text.replace(
        /"\\u0001fuzz-raw-(\d+)"/g,
        (_, index: string) => raws[Number(index)],
      )
    : text;
}

/**
 * An object with exactly these own keys. Plain assignment of `__proto__` would set the prototype
 * instead of a key, and never reach the server.
 */
export function objectOf(
  entries: Array<[string, unknown]>,
): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'toJSON',
  'then',
];

const SPECIAL_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  '\u001b[31m',
  'a\u007fb',
  '\u0085',
  'null',
  'undefined',
  'true',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  ...PROTOTYPE_KEYS,
  '💥',
  'Zoë',
  '\u202eevil',
  '\ud800',
  '../../../../etc/passwd',
  '%00',
  '%',
  '\\',
  "'; DROP TABLE waivers; --",
  '<script>alert(1)</script>',
  'component:default/payments',
  'user:default/grace',
  'group:default/council',
  'https://example.com/x',
  'file:///etc/passwd',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '+275760-09-13T00:00:00.000Z',
];

const hugeString = fc
  .tuple(
    fc.constantFrom('a', 'ü', '💥', '\u0000', '%', ' ', 'component:'),
    fc.integer({ min: 256, max: 200_000 }),
  )
  .map(([piece, times]) => piece.repeat(Math.ceil(times / piece.length)));

export const shortString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
);

export const hostileString = fc.oneof(
  { weight: 8, arbitrary: shortString },
  { weight: 1, arbitrary: hugeString },
);

const RAW_NUMBERS = [
  '1e999',
  '-1e999',
  '-0',
  '1E400',
  '123456789012345678901234567890',
  '0.00000000000000000000000000001',
  '4.9e-324',
];

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    -1,
    0,
    0.5,
    1.5,
    100.0001,
    2 ** 31,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
  ),
  fc.constantFrom(...RAW_NUMBERS).map(text => new RawJson(text)),
);

export const leaf = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** The deepest nesting sent: a 10,000-level body once overflowed the stack of a 400. */
export const MAX_FUZZ_DEPTH = 100_000;

/** JSON nested either side of the limit, or deeper up to `max` levels. */
function nesting(max: number): fc.Arbitrary<RawJson> {
  return fc
    .tuple(
      fc.oneof(
        // Counting the levels the value is placed in, these straddle the limit.
        fc.integer({ min: MAX_BODY_DEPTH - 3, max: MAX_BODY_DEPTH + 1 }),
        fc.integer({ min: MAX_BODY_DEPTH + 2, max }),
        fc.constant(max),
      ),
      fc.constantFrom('arrays', 'objects', 'both'),
    )
    .map(([depth, shape]) => {
      const open = { arrays: '[', objects: '{"a":', both: '[{"a":' }[shape];
      const close = { arrays: ']', objects: '}', both: '}]' }[shape];
      const times = shape === 'both' ? Math.ceil(depth / 2) : depth;
      return new RawJson(`${open.repeat(times)}1${close.repeat(times)}`);
    });
}

// Inside field values; whole bodies go deeper, more rarely, as they take longer to send.
const deepNesting = nesting(3_000);
export const deepestNesting = nesting(MAX_FUZZ_DEPTH);

/** Objects whose keys are the ones that break naive code: `__proto__`, `toString`, ... */
const prototypeObject = fc
  .array(
    fc.tuple(
      fc.constantFrom(...PROTOTYPE_KEYS),
      fc.oneof(
        leaf,
        fc.constant(objectOf([['polluted', true]])),
        fc.constant(objectOf([['prototype', objectOf([['polluted', 1]])]])),
      ),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map(objectOf);

/** A value of any JSON type, biased to the ones validation code forgets. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: prototypeObject },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 5 }) },
  { weight: 1, arbitrary: deepNesting },
  {
    weight: 1,
    arbitrary: fc
      .anything({ maxDepth: 2 })
      .map(v => JSON.parse(toJsonText(safeJson(v)))),
  },
);

/** fc.anything() may hold bigints and cycles-free oddities JSON cannot carry. */
function safeJson(value: unknown): unknown {
  try {
    JSON.stringify(value);
    return value;
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates that look right, including the 13th month and the 32nd day. */
export const dateLike = fc.oneof(
  fc
    .date({
      min: new Date('1990-01-01'),
      max: new Date('2100-01-01'),
      noInvalidDate: true,
    })
    .map(d => d.toISOString().slice(0, 10)),
  fc
    .tuple(
      fc.integer({ min: 1000, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  // Shaped right but no such day: Date gives an Invalid Date, and toISOString then throws.
  fc.constantFrom('2026-13-01', '2026-00-10', '2026-01-32', '2026-04-00'),
);

/** A day in the last five years or so, as YYYY-MM-DD. */
export const pastDay = fc
  .integer({ min: 0, max: 2000 })
  .map(days => inDays(-days).slice(0, 10));

export const wholeNumber = (min: number, max: number) =>
  fc.integer({ min, max }).map(String);

export const encode = (value: string) =>
  encodeURIComponent(
    // encodeURIComponent throws on a lone surrogate; the raw invalid bytes come in RAW_IDS.
    value.replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    ),
  );

const QUERY_SPECIALS = [
  '',
  '-1',
  '0',
  '1.5',
  '1e3',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  ' 1',
  '+1',
  '١٢',
  '9999999999',
  '99999999999999999999999',
  'true',
  ',',
  ',,,',
  'a,b,c',
];

export const queryValue = fc.oneof(
  { weight: 4, arbitrary: shortString.map(encode) },
  { weight: 2, arbitrary: fc.constantFrom(...QUERY_SPECIALS).map(encode) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('a', 'ü', '%'),
        fc.integer({ min: 256, max: 4000 }),
      )
      .map(([c, n]) => encode(c.repeat(n))),
  },
  // Percent signs that decode to nothing valid.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%',
      '%zz',
      '%E0%A4%A',
      '%ED%A0%80',
      '%00',
      '%1B',
      '%7F',
    ),
  },
);

export const RAW_IDS = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  'a%2Fb',
  '%00',
  encodeURIComponent('💥'),
  'x'.repeat(5000),
  'x'.repeat(MAX_PATH_PARAMETER_LENGTH),
  'x'.repeat(MAX_PATH_PARAMETER_LENGTH + 1),
  '%1B',
  '%7F',
  '%C2%85',
  'a%09b',
  '__proto__',
  'constructor',
];

const RAW_BODIES = [
  '',
  '{',
  '{"',
  '[',
  'nul',
  'undefined',
  "{'entityRef': 1}",
  '{"a":1,}',
  '\u0000',
  '"just text"',
  '1e999',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"facts": [1, 2,]}',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/merge-patch+json',
];

export const rawBody = fc
  .tuple(
    fc.oneof(fc.constantFrom(...RAW_BODIES), fc.string({ maxLength: 30 })),
    fc.constantFrom(...CONTENT_TYPES),
  )
  .map(([text, type]) => ({ type, text }));

export const json = (value: unknown) => ({
  type: 'application/json',
  text: toJsonText(value),
});

/**
 * Bodies near the size limit: one field holding most of it, or a flat object of many keys,
 * from a megabyte to just over {@link MAX_BODY_BYTES} (a 413).
 */
export function bigBody(
  name: string,
  size: number,
  wide: boolean,
): { type: string; text: string } {
  if (wide) {
    // 10,000 keys, each holding an equal share of the size.
    const keys = 10_000;
    const share = Math.max(0, Math.floor((size - 2) / keys) - 14);
    const text = `{${Array.from(
      { length: keys },
      (_, i) => `"k${String(i).padStart(5, '0')}":"${'x'.repeat(share)}"`,
    ).join(',')}}`;
    return { type: 'application/json', text };
  }
  const head = `{${JSON.stringify(name)}:"`;
  return {
    type: 'application/json',
    text: `${head}${'x'.repeat(Math.max(0, size - head.length - 2))}"}`,
  };
}
