import { readFrontMatter } from './frontMatter';
import { parseAdrText, parseFixture } from './__testUtils__/fixtures';

/** What readFrontMatter reads from `lines`, and the warnings it gives. */
function readLines(lines: string[]) {
  const warnings: string[] = [];
  const block = readFrontMatter(lines, warnings);
  return { block, warnings };
}

describe('front matter', () => {
  it('reads what it can from unclosed front matter and says it is unclosed', () => {
    const adr = parseFixture('0009-unclosed-front-matter.md');
    expect(adr).toEqual(
      expect.objectContaining({
        number: 9,
        title: 'Deploy with Argo CD',
        status: 'accepted',
        date: '2023-04-18',
        deciders: ['Li Wei'],
      }),
    );
    expect(adr.warnings).toEqual([
      "front matter is not closed: the file starts with a '---' line but no later line is '---'; expected the YAML block (status, date, ...) to end with a '---' line",
    ]);
    expect(adr.body.trimStart()).toMatch(/^# Deploy with Argo CD/);
  });

  it('names the front matter lines that are not YAML and keeps the readable keys', () => {
    const adr = parseFixture('0013-invalid-front-matter.md');
    expect(adr).toEqual(
      expect.objectContaining({
        title: 'Cache exchange rates for a day',
        status: 'accepted',
        date: '2023-09-01',
        deciders: [],
        format: 'madr',
      }),
    );
    expect(adr.warnings).toEqual([
      "front matter line 4 'deciders: [Jane Doe, Li Wei' is not valid YAML (flow sequence in block collection must be sufficiently indented and end with a ]); expected 'key: value' lines such as 'status: accepted'",
      "front matter line 5 'this line is not yaml' is not valid YAML (implicit map keys need to be followed by map values); expected 'key: value' lines such as 'status: accepted'",
    ]);
  });

  it.each([
    ['2024-03-01T10:00:00Z', '2024-03-01', []],
    ["'2024-03-01'", '2024-03-01', []],
    ['2024-02-30', undefined, ["date '2024-02-30' is not a YYYY-MM-DD date"]],
    [
      '{YYYY-MM-DD when the decision was last updated}',
      undefined,
      [
        "date '{YYYY-MM-DD when the decision was last updated}' is not a YYYY-MM-DD date",
      ],
    ],
  ])('reads front matter date %s as %s', (written, date, warnings) => {
    const adr = parseAdrText(
      `---\nstatus: accepted\ndate: ${written}\n---\n# X\n`,
    );
    expect(adr.date).toBe(date);
    expect(adr.warnings).toEqual(warnings);
  });

  it('keeps every value as written, and reads ~ and null as not set', () => {
    const { block, warnings } = readLines([
      '---',
      'Status: accepted',
      'date: 2021-09-14',
      'number: 0007',
      'informed: ~',
      'consulted: null',
      "title: 'It''s quoted'",
      'decision-makers:',
      '  - Jane Doe',
      '  - ~',
      '---',
      '# Body',
    ]);
    expect(Object.fromEntries(block.values)).toEqual({
      status: 'accepted',
      date: '2021-09-14',
      number: '0007',
      title: "It's quoted",
      'decision-makers': ['Jane Doe'],
    });
    expect(block).toEqual(
      expect.objectContaining({ found: true, bodyStart: 11 }),
    );
    expect(warnings).toEqual([]);
  });

  it('names at most three lines that are not YAML and counts the others', () => {
    const { warnings } = readLines([
      '---',
      'a',
      'status: accepted',
      'b',
      'c',
      'd',
      'e',
      '---',
    ]);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/^front matter line 2 'a' is not valid YAML/);
    expect(warnings[3]).toBe('2 more front matter lines are not valid YAML');
  });

  it('does not read front matter longer than anyone writes, and says so', () => {
    const { block, warnings } = readLines([
      '---',
      'status: accepted',
      `notes: ${'[{'.repeat(6_000)}`,
      '---',
    ]);
    expect(block).toEqual({ values: new Map(), found: true, bodyStart: 4 });
    expect(warnings).toEqual([
      'front matter is 12024 characters long, more than the 10000 that are read; expected a short YAML block (status, date, deciders, ...)',
    ]);
  });

  it.each([
    [
      'names the line that opened a string that is never closed and keeps the keys before it',
      ['---', 'status: accepted', 'deciders: "Jane Doe', 'date: 2021', '---'],
      { status: 'accepted' },
      [
        "front matter line 3 'deciders: \"Jane Doe' is not valid YAML (missing closing \"quote); expected 'key: value' lines such as 'status: accepted'",
      ],
    ],
    [
      'says so when the front matter is a list rather than keys with values',
      ['---', '- accepted', '---'],
      {},
      [
        "front matter line 2 '- accepted' is not valid YAML (a list or a lone value where keys with values are expected); expected 'key: value' lines such as 'status: accepted'",
      ],
    ],
    [
      'reads unquoted text that YAML would reject as authors mean it',
      [
        '---',
        'title: ADR-7: Use Kafka',
        'deciders: @alice, @bob # the platform team',
        'summary: `kafka` for events',
        'date: 2020-01-02',
        '---',
      ],
      {
        title: 'ADR-7: Use Kafka',
        deciders: '@alice, @bob',
        summary: '`kafka` for events',
        date: '2020-01-02',
      },
      [],
    ],
  ])('%s', (_, lines, values, expectedWarnings) => {
    const { block, warnings } = readLines(lines);
    expect(Object.fromEntries(block.values)).toEqual(values);
    expect(warnings).toEqual(expectedWarnings);
  });
});
