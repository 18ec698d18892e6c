import fc from 'fast-check';
import { ADR_STATUSES, ParsedAdr } from '../adrs';
import { parseAdr } from './parseAdr';
import {
  asWindowsFile,
  fixtureNames,
  parseAdrText,
  parseFixture,
  read,
} from './__testUtils__/fixtures';

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
    it('titles a file without a heading by its file name', () => {
      const adr = parseFixture('0010-no-title.md');
      expect(adr.title).toBe('0010-no-title.md');
      expect(adr.number).toBe(10);
      expect(adr.status).toBe('proposed');
      expect(adr.warnings).toEqual([
        "no title: expected a first-level heading such as '# Use PostgreSQL for orders'; the file name is shown instead",
      ]);
    });

    it('does not mistake object property names for statuses or fields', () => {
      const adr = parseAdrText(
        '# X\n\n* constructor: accepted\n\n## Status\n\nconstructor',
      );
      expect(adr.status).toBeUndefined();
      expect(adr.format).toBe('nygard');
      expect(adr.warnings).toEqual([
        "status 'constructor' is not one of proposed, accepted, rejected, deprecated, superseded; it is shown as written",
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
      // Dates and statuses as people write them (issue 17).
      `# X\n\nDate: ${' '.repeat(size)}x (`,
      `# X\n\n| Status | Date |\n${'| Accepted | 2020-01-01 |\n'.repeat(
        size / 25,
      )}`,
      `## Status\n\n${'Proposed | '.repeat(size / 11)}`,
      `${':::note Superseded\n'.repeat(size / 19)}`,
      // YAML's cost grows with its tokens: nested flow collections, many keys.
      `---\nstatus: ${'[{'.repeat(size / 2)}\n---`,
      `---\n${'k: v\n'.repeat(size / 5)}---`,
    ];
    const started = Date.now();
    for (const input of inputs) {
      expect(parseAdrText(input).title).toBeTruthy();
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
          '✅ Accepted',
          '⌛️ Superseded by [21](021-x.md)',
          '{proposed | accepted}',
          ':::note Superseded',
          ':::',
          '| Status | Date |',
          '| --- | --- |',
          '| Accepted | 05/02/2018 |',
          'Date: December 31, 2021 (last update)',
          'Last Updated: 31.12.21',
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
