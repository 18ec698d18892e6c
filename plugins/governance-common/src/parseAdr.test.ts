import fc from 'fast-check';
import fs from 'fs';
import path from 'path';
import { ADR_STATUSES, ParsedAdr } from './adrs';
import { parseAdr } from './parseAdr';

const FIXTURES = path.join(__dirname, '__fixtures__', 'adrs');
const fixtureNames = fs.readdirSync(FIXTURES).filter(f => f.endsWith('.md'));
const read = (fileName: string) =>
  fs.readFileSync(path.join(FIXTURES, fileName), 'utf8');
const parseFixture = (fileName: string) => parseAdr(fileName, read(fileName));

/** The file as a Windows editor saves it: byte order mark and CRLF line endings. */
const asWindowsFile = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;

describe('parseAdr', () => {
  describe('Nygard (adr-tools)', () => {
    it('reads the number, title, date and status of an accepted ADR', () => {
      expect(parseFixture('0001-record-architecture-decisions.md')).toEqual(
        expect.objectContaining({
          number: 1,
          title: 'Record architecture decisions',
          status: 'accepted',
          date: '2018-02-27',
          deciders: [],
          links: [],
          format: 'nygard',
          warnings: [],
        }),
      );
    });

    it('points a superseded ADR at the ADR that superseded it', () => {
      const adr = parseFixture('0002-use-mysql-for-orders.md');
      expect(adr.status).toBe('superseded');
      expect(adr.statusText).toBe(
        'Superseded by [3. Use PostgreSQL for orders](0003-use-postgresql-for-orders.md)',
      );
      expect(adr.supersededBy).toEqual({
        relation: 'superseded by',
        target: '0003-use-postgresql-for-orders.md',
        number: 3,
      });
      expect(adr.warnings).toEqual([]);
    });

    it('keeps an amended ADR accepted and lists what it supersedes and what amends it', () => {
      const adr = parseFixture('0003-use-postgresql-for-orders.md');
      // The fenced example further down says "Rejected" under its own "## Status".
      expect(adr.status).toBe('accepted');
      expect(adr.statusText).toBeUndefined();
      expect(adr.supersededBy).toBeUndefined();
      expect(adr.links).toEqual([
        {
          relation: 'supersedes',
          target: '0002-use-mysql-for-orders.md',
          number: 2,
        },
        {
          relation: 'amended by',
          target: '0005-use-read-replicas-for-order-search.md',
          number: 5,
        },
      ]);
    });
  });

  describe('MADR', () => {
    it('reads MADR 3 front matter: deciders, date and decision scope', () => {
      const adr = parseFixture('0004-use-kafka-for-domain-events.md');
      expect(adr).toEqual(
        expect.objectContaining({
          number: 4,
          title: 'Use Kafka for domain events',
          status: 'accepted',
          date: '2021-09-14',
          deciders: ['Amir Khan', 'Jane Doe', 'Li Wei'],
          scope: 'integration-patterns',
          format: 'madr',
          warnings: [],
        }),
      );
      expect(adr.body).not.toContain('decision-scope:');
      expect(adr.body.trimStart()).toMatch(/^# Use Kafka for domain events\n/);
    });

    it('reads MADR 4 decision-makers as a YAML list and drops the number from the title', () => {
      expect(
        parseFixture('0005-use-read-replicas-for-order-search.md'),
      ).toEqual(
        expect.objectContaining({
          number: 5,
          title: 'Use read replicas for order search',
          status: 'proposed',
          date: '2024-02-29',
          deciders: ['Jane Doe', 'Li Wei'],
          scope: 'platform-selection',
          format: 'madr',
          warnings: [],
        }),
      );
    });

    it('reads MADR 2 list items under the title and the links of its Links section', () => {
      const adr = parseFixture('0006-use-feature-flags-for-releases.md');
      expect(adr).toEqual(
        expect.objectContaining({
          number: 6,
          title: 'Use feature flags for releases',
          status: 'accepted',
          date: '2020-05-01',
          deciders: ['Amir Khan', 'Jane Doe'],
          format: 'madr',
          warnings: [],
        }),
      );
      // The runbook link is not an ADR.
      expect(adr.links).toEqual([
        {
          relation: 'refined by',
          target: '0008-remove-stale-feature-flags.md',
          number: 8,
        },
        {
          relation: 'supersedes',
          target: './0001-record-architecture-decisions.md',
          number: 1,
        },
        {
          relation: 'supersedes',
          target: '0002-use-mysql-for-orders.md',
          number: 2,
        },
      ]);
    });

    it('reads MADR 2 written with * bullets and keys in any case', () => {
      const fileName = '0006-use-feature-flags-for-releases.md';
      const starred = read(fileName)
        .replace(/^- /gm, '* ')
        .replace('Status:', 'STATUS:')
        .replace('Deciders:', 'deciders:');
      expect({ ...parseAdr(fileName, starred), body: undefined }).toEqual({
        ...parseFixture(fileName),
        body: undefined,
      });
    });

    it('follows a superseded-by link written in the front matter status', () => {
      const adr = parseFixture('0007-deploy-with-helm.md');
      expect(adr.status).toBe('superseded');
      expect(adr.supersededBy).toEqual({
        relation: 'superseded by',
        target: '0009-deploy-with-argo-cd.md',
        number: 9,
      });
      expect(adr.deciders).toEqual(['Platform team']);
    });

    it('follows a superseding ADR named as plain text without a link', () => {
      const adr = parseFixture('0008-remove-stale-feature-flags.md');
      expect(adr.status).toBe('superseded');
      expect(adr.statusText).toBe('superseded by ADR-0010');
      expect(adr.supersededBy).toEqual({
        relation: 'superseded by',
        target: 'ADR-0010',
        number: 10,
      });
    });
  });

  describe('malformed files are still listed', () => {
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

    it('titles a file without a heading by its file name', () => {
      const adr = parseFixture('0010-no-title.md');
      expect(adr.title).toBe('0010-no-title.md');
      expect(adr.number).toBe(10);
      expect(adr.status).toBe('proposed');
      expect(adr.warnings).toEqual([
        "no title: expected a first-level heading such as '# Use PostgreSQL for orders'; the file name is shown instead",
      ]);
    });

    it('keeps an unknown status as written and warns about it', () => {
      const adr = parseFixture('0011-in-limbo.md');
      expect(adr.status).toBeUndefined();
      expect(adr.statusText).toBe('In limbo');
      expect(adr.warnings).toEqual([
        "status 'In limbo' is not one of proposed, accepted, rejected, deprecated, superseded; it is shown as written",
      ]);
    });

    it('drops a date that is not YYYY-MM-DD and warns about it', () => {
      const adr = parseFixture('0012-bad-date.md');
      expect(adr.date).toBeUndefined();
      expect(adr.status).toBe('accepted');
      expect(adr.title).toBe('Adopt OpenTelemetry');
      expect(adr.warnings).toEqual([
        "date 'last spring' is not a YYYY-MM-DD date",
      ]);
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
        "front matter line 4 'deciders: [Jane Doe, Li Wei' is not valid YAML (a list opened with '[' is never closed with ']'); expected 'key: value' lines such as 'status: accepted'",
        "front matter line 5 'this line is not yaml' is not valid YAML (no 'key: ' before the value); expected 'key: value' lines such as 'status: accepted'",
      ]);
    });

    it('warns when a file has no status anywhere', () => {
      const adr = parseAdr('0020-x.md', '# Use gRPC\n\n## Context\n\nText.');
      expect(adr.status).toBeUndefined();
      expect(adr.format).toBe('unknown');
      expect(adr.warnings).toEqual([
        "no status: expected 'status: accepted' in the front matter, a '* Status: accepted' line under the title or a '## Status' section",
      ]);
    });

    it('warns when a superseded ADR does not say what superseded it', () => {
      const adr = parseAdr(
        '0021-x.md',
        '# Use SOAP\n\n## Status\n\nSuperseded',
      );
      expect(adr.status).toBe('superseded');
      expect(adr.supersededBy).toBeUndefined();
      expect(adr.warnings).toEqual([
        "the status is superseded but names no superseding ADR: expected e.g. 'Superseded by [ADR-0005](0005-use-kafka.md)'",
      ]);
    });
  });

  it.each([
    '0004-use-kafka-for-domain-events.md',
    '0001-record-architecture-decisions.md',
    '0006-use-feature-flags-for-releases.md',
  ])('reads %s saved on Windows (BOM, CRLF) like the original', fileName => {
    const windows = asWindowsFile(read(fileName));
    expect(windows).toContain('\r\n');
    const adr = parseAdr(fileName, windows);
    expect(adr).toEqual(parseFixture(fileName));
    expect(adr.body).not.toContain('\r');
  });

  it.each([
    ['use-kafka.md', '7. Use Kafka', 7, 'Use Kafka'],
    ['use-kafka.md', 'ADR-0007: Use Kafka', 7, 'Use Kafka'],
    ['use-kafka.md', 'ADR 7 - Use Kafka', 7, 'Use Kafka'],
    ['use-kafka.md', '0007 - Use Kafka', 7, 'Use Kafka'],
    ['three-tiers.md', '3-tier architecture', undefined, '3-tier architecture'],
    ['0012-use-kafka.md', 'ADR-0007: Use Kafka', 12, 'Use Kafka'],
  ])(
    'numbers %s titled "%s" as %s, titled "%s"',
    (fileName, heading, number, title) => {
      const adr = parseAdr(fileName, `# ${heading}\n\n## Status\n\nAccepted`);
      expect(adr.number).toBe(number);
      expect(adr.title).toBe(title);
    },
  );

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
    const adr = parseAdr(
      '0001-x.md',
      `---\nstatus: accepted\ndate: ${written}\n---\n# X\n`,
    );
    expect(adr.date).toBe(date);
    expect(adr.warnings).toEqual(warnings);
  });

  it('splits deciders on commas and "and", dropping template placeholders', () => {
    const adr = parseAdr(
      '0001-x.md',
      '---\nstatus: accepted\ndeciders: [Alice and Bob, "Carol, Dan", "{list everyone involved}"]\n---\n# X\n',
    );
    expect(adr.deciders).toEqual(['Alice', 'Bob', 'Carol', 'Dan']);
  });

  it('maps common synonyms to a status but keeps the word as written', () => {
    const adr = parseAdr('0001-x.md', '# X\n\n* Status: Approved\n');
    expect(adr.status).toBe('accepted');
    expect(adr.statusText).toBe('Approved');
    expect(adr.warnings).toEqual([]);
  });

  it('follows a superseding ADR in another repository', () => {
    const adr = parseAdr(
      '0003-x.md',
      '# X\n\n## Status\n\nSuperseded by [ADR-0042](https://github.com/acme/platform/blob/main/docs/adr/0042-use-envoy.md)',
    );
    expect(adr.supersededBy).toEqual({
      relation: 'superseded by',
      target:
        'https://github.com/acme/platform/blob/main/docs/adr/0042-use-envoy.md',
      number: 42,
    });
  });

  it.each([
    ['Superseded by 5', { relation: 'superseded by', target: '5', number: 5 }],
    [
      'Accepted, amended by ADR 9.',
      { relation: 'amended by', target: 'ADR 9', number: 9 },
    ],
  ])('reads the plain-text reference in status %s', (written, link) => {
    const adr = parseAdr('0001-x.md', `# X\n\n## Status\n\n${written}`);
    expect(adr.links).toEqual([link]);
  });

  it('does not read a number in prose as a link', () => {
    const adr = parseAdr(
      '0001-x.md',
      '# X\n\n* Status: accepted\n\n## Links\n\n* Relates to 2 teams in payments',
    );
    expect(adr.links).toEqual([]);
  });

  it('does not mistake object property names for statuses or fields', () => {
    const adr = parseAdr(
      '0001-x.md',
      '# X\n\n* constructor: accepted\n\n## Status\n\nconstructor',
    );
    expect(adr.status).toBeUndefined();
    expect(adr.format).toBe('nygard');
    expect(adr.warnings).toEqual([
      "status 'constructor' is not one of proposed, accepted, rejected, deprecated, superseded; it is shown as written",
    ]);
  });

  it('tolerates untyped callers passing no content', () => {
    const adr = parseAdr(undefined as any, null as any);
    expect(adr.title).toBe('Untitled ADR');
    expect(adr.body).toBe('');
  });

  it('stays fast on pathological input', () => {
    const size = 200_000;
    const inputs = [
      '['.repeat(size),
      `[a](${'b'.repeat(size)}`,
      `# ${' '.repeat(size)}x`,
      `---\nstatus:${' '.repeat(size)}x\n---`,
      `# X\n\n* ${'a'.repeat(size)}: b`,
      `## Status\n\n${'<!--'.repeat(size / 4)}`,
      `## Status\n\nsuperseded by${' 1'.repeat(size / 2)}`,
      `# ${'ADR '.repeat(size / 4)}1`,
      '\n'.repeat(size),
      // The shapes that froze the browser's image scan (issue 16, finding 10).
      `## Status\n\n${'!['.repeat(size / 2)}`,
      `## Links\n\n${'[a]('.repeat(size / 4)}`,
      `## Status\n\n${'[]('.repeat(size / 3)}`,
    ];
    const started = Date.now();
    for (const input of inputs) {
      expect(parseAdr('0001-x.md', input).title).toBeTruthy();
    }
    // Linear work on 2.5 MB takes milliseconds; a quadratic pattern would take minutes.
    expect(Date.now() - started).toBeLessThan(3000);
  });

  describe('never throws', () => {
    const expectUsable = (adr: ParsedAdr) => {
      expect(typeof adr.title).toBe('string');
      expect(adr.title.length).toBeGreaterThan(0);
      expect(Array.isArray(adr.deciders)).toBe(true);
      expect(Array.isArray(adr.links)).toBe(true);
      expect(Array.isArray(adr.warnings)).toBe(true);
      expect(typeof adr.body).toBe('string');
      expect(['madr', 'nygard', 'unknown']).toContain(adr.format);
      if (adr.status !== undefined) {
        expect(ADR_STATUSES).toContain(adr.status);
      }
      if (adr.date !== undefined) {
        expect(adr.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      if (adr.number !== undefined) {
        expect(Number.isSafeInteger(adr.number)).toBe(true);
      }
      // The last-resort fallback is for the unforeseen, not for any of these inputs.
      expect(adr.warnings.join('\n')).not.toContain(
        'could not be read as an ADR',
      );
    };

    it('on arbitrary strings', () => {
      expect(() =>
        fc.assert(
          fc.property(
            fc.string(),
            fc.string({ unit: 'binary', maxLength: 2000 }),
            (fileName, content) => expectUsable(parseAdr(fileName, content)),
          ),
          { numRuns: 2000 },
        ),
      ).not.toThrow();
    }, 60_000);

    it('on ADRs built from real pieces and then mangled', () => {
      const piece = fc.oneof(
        fc.constantFrom(
          '---',
          '...',
          '# 7. Use Kafka',
          '# ADR-0007: ',
          '# ',
          '#',
          '## Status',
          '## Links',
          '* Status: accepted',
          '- Deciders: Alice and Bob <!-- optional -->',
          'Date: 2020-13-45',
          'date: 2024-02-29',
          'status: superseded by [ADR-0005](0005-x.md)',
          'decision-makers:',
          '  - Jane',
          '- Li',
          'deciders: [a, "b',
          "consulted: 'c''d'",
          'scope: |',
          '  Platform Selection',
          'Superseded by [3. X](0003-x.md) and [4](./0004-y.md)',
          'Amended by ADR-0009',
          'Supersedes 2',
          '```',
          '~~~',
          '<!--',
          '-->',
          '[[[',
          '](',
          '',
          '\uFEFF',
          '#######',
        ),
        fc.string({ unit: 'binary', maxLength: 40 }),
      );
      const built = fc
        .tuple(
          fc.array(piece, { maxLength: 40 }),
          fc.constantFrom('\n', '\r\n', '\r'),
          fc.boolean(),
        )
        .map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + lines.join(eol));
      const fixture = fc.constantFrom(...fixtureNames.map(read));
      const mangled = fc
        .tuple(
          fc.oneof(built, fixture),
          fc.nat(),
          fc.nat(),
          fc.string({ unit: 'binary', maxLength: 20 }),
        )
        .map(([text, a, b, junk]) => {
          const from = a % (text.length + 1);
          const to = from + (b % 50);
          return text.slice(0, from) + junk + text.slice(to);
        });
      expect(() =>
        fc.assert(
          fc.property(
            fc.constantFrom('0001-x.md', 'adr.md', '', 'docs/adr/0042-y.md'),
            mangled,
            (fileName, content) => expectUsable(parseAdr(fileName, content)),
          ),
          { numRuns: 2000 },
        ),
      ).not.toThrow();
    }, 60_000);
  });
});
