import {
  describeValue,
  describeValues,
  findControlCharacter,
  MAX_QUOTED_LENGTH,
  parseIsoDate,
  parseIsoTimestamp,
} from './input';

describe('describeValue', () => {
  it('quotes short values as JSON', () => {
    expect(describeValue('speed')).toBe('"speed"');
    expect(describeValue(42)).toBe('42');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue('\u0000')).toBe('"\\u0000"');
  });

  it('quotes at most 100 characters of a huge value and says how long it was', () => {
    const described = describeValue('x'.repeat(9_000_000));
    expect(described).toBe(
      `"${'x'.repeat(MAX_QUOTED_LENGTH)}…" (text of 9000000 characters)`,
    );
  });

  it('previews objects and arrays with their type, whatever their size', () => {
    expect(describeValue({ a: 1 })).toBe('{"a":1} (an object)');
    expect(describeValue([1, 2])).toBe('[1,2] (an array of 2 items)');
    const wide = describeValue(Array.from({ length: 20_001 }, () => 'item'));
    expect(wide.length).toBeLessThan(MAX_QUOTED_LENGTH + 40);
    expect(wide).toMatch(/,…\] \(an array of 20001 items\)$/);
    const longKey = describeValue({ ['k'.repeat(1_000_000)]: 1 });
    expect(longKey.length).toBeLessThan(MAX_QUOTED_LENGTH + 40);
  });

  it('describes values nested 100,000 deep without overflowing the stack', () => {
    const deep = JSON.parse(
      `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
    );
    expect(describeValue(deep)).toBe('{"a":{"a":{…}}} (an object)');
    const deepArray = JSON.parse(
      `${'['.repeat(100_000)}1${']'.repeat(100_000)}`,
    );
    expect(describeValue(deepArray)).toBe('[[[…]]] (an array of 1 item)');
  });

  it('never splits a surrogate pair', () => {
    const described = describeValue('💥'.repeat(200));
    expect(described).not.toMatch(/[\ud800-\udbff]…/);
  });

  it('lists the first few values and counts the rest', () => {
    expect(describeValues(['a', 'b'])).toBe('"a", "b"');
    expect(describeValues(Array.from({ length: 1000 }, (_, i) => i))).toBe(
      '0, 1, 2, 3, 4 and 995 more',
    );
  });
});

describe('findControlCharacter', () => {
  it('finds NUL and other control characters, but allows tabs and line breaks', () => {
    expect(findControlCharacter('a\u0000b')).toBe('U+0000');
    expect(findControlCharacter('bell\u0007')).toBe('U+0007');
    expect(findControlCharacter('\u007f')).toBe('U+007F');
    expect(findControlCharacter('\u009b')).toBe('U+009B');
    expect(
      findControlCharacter('line\r\nnext\tcolumn, Zoë 💥'),
    ).toBeUndefined();
  });
});

describe('parseIsoDate', () => {
  it('accepts calendar dates that exist', () => {
    expect(parseIsoDate('2026-02-28')).toBe('2026-02-28');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('0001-01-01')).toBe('0001-01-01');
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '1',
    '2026',
    '2026-2-3',
    '2026-02-03T00:00:00Z',
    ' 2026-02-03',
    '+002026-02-03',
  ])('refuses %p', text => {
    expect(parseIsoDate(text)).toBeUndefined();
  });

  it('refuses what is not text', () => {
    expect(parseIsoDate(20260203)).toBeUndefined();
    expect(parseIsoDate(undefined)).toBeUndefined();
  });
});

describe('parseIsoTimestamp', () => {
  it.each([
    ['2026-02-01', '2026-02-01T00:00:00.000Z'],
    ['2026-02-01T10:00Z', '2026-02-01T10:00:00.000Z'],
    ['2026-02-01T10:00:00Z', '2026-02-01T10:00:00.000Z'],
    ['2026-02-01T10:00:00.5Z', '2026-02-01T10:00:00.500Z'],
    ['2026-02-01T10:00:00.123456Z', '2026-02-01T10:00:00.123Z'],
    ['2026-02-01T11:30:00+01:30', '2026-02-01T10:00:00.000Z'],
    ['2026-01-01T00:30:00+01:00', '2025-12-31T23:30:00.000Z'],
    ['2026-02-01T05:00:00-05:00', '2026-02-01T10:00:00.000Z'],
  ])('reads %p as %p', (text, iso) => {
    expect(parseIsoTimestamp(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-02-30',
    '2026-02-30T10:00:00Z',
    '1',
    '0',
    'yesterday',
    '2026',
    '2026-W05-1',
    '2026-02-01T10:00:00',
    '2026-02-01 10:00:00Z',
    '2026-02-01t10:00:00z',
    '2026-02-01T24:00:00Z',
    '2026-02-01T10:60:00Z',
    '2026-02-01T10:00:60Z',
    '2026-02-01T10:00:00+24:00',
    '2026-02-01T10:00:00+01:60',
    '2026-02-01T10:00:00+0100',
    '-271821-04-20T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    'Sun, 01 Feb 2026 10:00:00 GMT',
  ])('refuses %p', text => {
    expect(parseIsoTimestamp(text)).toBeUndefined();
  });
});
