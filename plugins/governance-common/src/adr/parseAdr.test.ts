import fc from 'fast-check';
import fs from 'fs';
import path from 'path';
import { ADR_STATUSES, ParsedAdr } from './adrs';
import { parseAdr, ParseAdrOptions } from './parseAdr';

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
      // Dates and statuses as people write them (issue 17).
      `# X\n\nDate: ${' '.repeat(size)}x (`,
      `# X\n\n| Status | Date |\n${'| Accepted | 2020-01-01 |\n'.repeat(
        size / 25,
      )}`,
      `## Status\n\n${'Proposed | '.repeat(size / 11)}`,
      `${':::note Superseded\n'.repeat(size / 19)}`,
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

describe('real-world ADRs (src/__fixtures__/adrs/real-world, sources in its SOURCES.md)', () => {
  const REAL_WORLD = path.join(FIXTURES, 'real-world');
  const realWorldFiles = fs
    .readdirSync(REAL_WORLD)
    .filter(dir => fs.statSync(path.join(REAL_WORLD, dir)).isDirectory())
    .flatMap(dir =>
      fs.readdirSync(path.join(REAL_WORLD, dir)).map(file => `${dir}/${file}`),
    );
  const parseRealWorld = (file: string, options?: ParseAdrOptions) =>
    parseAdr(
      path.basename(file),
      fs.readFileSync(path.join(REAL_WORLD, file), 'utf8'),
      options,
    );

  // What a council member sees for each file, read by eye from the file.
  const expected: Array<
    [
      string,
      string,
      Pick<
        ParsedAdr,
        'title' | 'status' | 'statusText' | 'date' | 'warnings'
      > & {
        supersededBy: string | undefined;
      },
    ]
  > = [
    [
      'emoji or bold status',
      'HHS__simpler-grants-gov/2023-07-05-chat-adr.md',
      {
        title: 'ADR: Chat',
        status: 'accepted',
        statusText: undefined,
        date: '2023-08-17',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'emoji or bold status',
      'ministryofjustice__cloud-platform/021-Multi-cluster.md',
      {
        title: 'Multi-cluster',
        status: 'superseded',
        statusText: 'Superseded by [036. Multi-cluster](036-multi-cluster.md)',
        date: '2021-05-11',
        supersededBy: '036-multi-cluster.md',
        warnings: [],
      },
    ],
    [
      'emoji or bold status',
      'ministryofjustice__cloud-platform/033-Manager-cluster.md',
      {
        title: '33 Manager cluster',
        status: 'accepted',
        statusText: 'Accepted (documenting an existing thing)',
        date: '2022-01-07',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'emoji or bold status',
      'ministryofjustice__modernisation-platform/0002-use-iam-federated-access.md',
      {
        title: 'Use IAM Federated Access',
        status: 'rejected',
        statusText: undefined,
        date: '2020-09-15',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'emoji or bold status',
      'ministryofjustice__modernisation-platform/0004-use-bash-node-python-as-core-languages.md',
      {
        title: 'Use `bash`, `nodejs`, and `python` as core languages',
        status: 'superseded',
        statusText: 'Superseded [0019](0019-use-bash-go-as-core-languages.md)',
        date: '2020-11-19',
        supersededBy: '0019-use-bash-go-as-core-languages.md',
        warnings: [],
      },
    ],
    [
      'emoji or bold status',
      'ministryofjustice__modernisation-platform/0011-use-vpc-flow-logs-to-gain-insight-into-network-state.md',
      {
        title: 'Use VPC flow logs to gain insight into network state',
        status: 'rejected',
        statusText: undefined,
        date: '2021-09-24',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'emoji or bold status',
      'ministryofjustice__modernisation-platform/0025-non-standard-user-infrastructure.md',
      {
        title: 'Non Standard User Infrastructure',
        status: 'superseded',
        statusText: undefined,
        date: '2023-06-20',
        supersededBy: undefined,
        warnings: [
          "the status is superseded but names no superseding ADR: expected e.g. 'Superseded by [ADR-0005](0005-use-kafka.md)'",
        ],
      },
    ],
    [
      'emoji or bold status',
      'ministryofjustice__modernisation-platform/0033-s3-state-bucket-condition-security.md',
      {
        title: 'Increase security of sensitive S3 objects (state bucket)',
        status: 'rejected',
        statusText: undefined,
        date: '2024-09-06',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'emoji or bold status',
      'rust-works__succinctly/adr-0000.md',
      {
        title: 'Use Architecture Decision Records',
        status: 'accepted',
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'emoji or bold status',
      'rust-works__succinctly/adr-0001.md',
      {
        title: 'Semi-Indexing over DOM Parsing',
        status: 'accepted',
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'emoji or bold status',
      'tonyjoanes__dotnet-purity/ADR-template.md',
      {
        title: 'Architecture Decision Record',
        status: 'proposed',
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'word outside the vocabulary',
      'Ensembl__Bio-DB-Big/architecturedecisionrecord.md',
      {
        title: 'Architecture Decision Record',
        status: 'accepted',
        statusText: 'Approved',
        date: '2017-03-29',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'word outside the vocabulary',
      'HHS__simpler-grants-gov/2023-06-30-api-language.md',
      {
        title: 'API Language',
        status: 'accepted',
        statusText: 'Active',
        date: '2023-06-30',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'word outside the vocabulary',
      'alphagov__govuk-aws/0003-aws-networking-outline.md',
      {
        title: 'Networking Outline',
        status: 'accepted',
        statusText: 'Partly superseded',
        date: '2017-06-30',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'word outside the vocabulary',
      'alphagov__govuk-aws/0006-puppet-architecture.md',
      {
        title: 'Puppet architecture',
        status: 'proposed',
        statusText: 'Pending',
        date: '2017-07-04',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'word outside the vocabulary',
      'alphagov__govuk-aws/0038-mongo_replacement_by_documentdb.md',
      {
        title: 'Mongo Replacement by DocumentDB',
        status: 'accepted',
        statusText: 'Approved',
        date: '2019-10-17',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'word outside the vocabulary',
      'joelparkerhenderson__architecture-decision-record/microsoft-azure-cloud-infrastructure.md',
      {
        title:
          'Architecture Decision Record: Microsoft Azure cloud infrastructure"',
        status: 'accepted',
        statusText: 'Approved',
        date: '2021-10-15',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'word outside the vocabulary',
      'konflux-ci__architecture/0001-pipeline-service-phase-1.md',
      {
        title: 'Pipeline Service Phase 1',
        status: 'superseded',
        statusText: 'Replaced',
        date: '2023-09-29',
        supersededBy: './0009-pipeline-service-via-operator.md',
        warnings: [],
      },
    ],
    [
      'word outside the vocabulary',
      'konflux-ci__architecture/0006-log-conventions.md',
      {
        title: 'Log Conventions',
        status: 'accepted',
        statusText: 'Implemented',
        date: '2023-03-29',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'word outside the vocabulary',
      'konflux-ci__architecture/0009-pipeline-service-via-operator.md',
      {
        title: 'Pipeline Service via Operator',
        status: 'accepted',
        statusText: 'Implemented',
        date: '2023-09-29',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'word outside the vocabulary',
      'ministryofjustice__cloud-platform/034-EKS-Fargate.md',
      {
        title: '34 EKS Fargate',
        status: undefined,
        statusText: 'Incomplete',
        date: '2022-01-21',
        supersededBy: undefined,
        warnings: [
          "status '🤔 Incomplete' is not one of proposed, accepted, rejected, deprecated, superseded; it is shown as written",
        ],
      },
    ],
    [
      'word outside the vocabulary',
      'thomvaill__log4brains/20201030-draft-adr.md',
      {
        title: 'Draft ADR',
        status: 'proposed',
        statusText: 'draft',
        date: '2020-10-30',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'status written elsewhere',
      'DependencyTrack__hyades/001-drop-kafka-dependency.md',
      {
        title: '001-drop-kafka-dependency.md',
        status: 'proposed',
        statusText: undefined,
        date: '2025-01-07',
        supersededBy: undefined,
        warnings: [
          "no title: expected a first-level heading such as '# Use PostgreSQL for orders'; the file name is shown instead",
        ],
      },
    ],
    [
      'status written elsewhere',
      'arachne-framework__architecture/adr-001-use-adrs.md',
      {
        title: 'Architecture Decision Record: Use ADRs',
        status: 'accepted',
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'status written elsewhere',
      'arachne-framework__architecture/adr-010-persistent-configs.md',
      {
        title: 'Architecture Decision Record: Persistent Configuration',
        status: 'proposed',
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'status written elsewhere',
      'backstage__backstage/adr013-use-node-fetch.md',
      {
        title: 'Proper use of HTTP fetching libraries',
        status: 'superseded',
        statusText: undefined,
        date: undefined,
        supersededBy: './adr014-use-fetch.md',
        warnings: [],
      },
    ],
    [
      'status written elsewhere',
      'cosmos__cosmos-sdk/adr-016-validator-consensus-key-rotation.md',
      {
        title: 'Validator Consensus Key Rotation',
        status: 'proposed',
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'status written elsewhere',
      'cosmos__cosmos-sdk/adr-038-state-listening.md',
      {
        title: 'KVStore state listening',
        status: 'proposed',
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'status written elsewhere',
      'opendatahub-io__architecture-decision-records/ODH-ADR-0002-data-science-pipelines-multi-user-approach.md',
      {
        title: 'Data Science Pipelines Multi-User Approach',
        status: 'proposed',
        statusText: 'Draft',
        date: '2023-02-20',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'status written elsewhere',
      'ctekinay__aion-ainstein/0026D-ensure-idempotent-exchange-of-messages.md',
      {
        title: 'Decision Approval Record List',
        status: 'accepted',
        statusText: undefined,
        date: '2026-01-30',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'template placeholder or prose',
      'GO-Commerce-Platform__mcp/0000-template.md',
      {
        title: '[ADR Template]',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status '[Proposed | Accepted | Deprecated | Superseded]' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'TobiasAlexanderWulff__tobrojekt.dev/0000-template.md',
      {
        title: 'ADR {number}: {title}',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status '{Proposed | Accepted | Deprecated | Superseded by ADR-xxx}' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
          "date '{YYYY-MM-DD}' is not a YYYY-MM-DD date",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'bomctl__bomctl/template.md',
      {
        title: 'NUMBER. TITLE',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status 'What is the status, such as proposed, accepted, rejected, deprecated, supersede…' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
          "date 'DATE' is not a YYYY-MM-DD date",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'joelparkerhenderson__architecture-decision-record/css-framework.md',
      {
        title: 'Architecture Decision Record: CSS framework',
        status: undefined,
        statusText:
          'Decided on Bulma. Open to new CSS framework choices as they arrive.',
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status 'Decided on Bulma. Open to new CSS framework choices as they arrive.' is not one of proposed, accepted, rejected, deprecated, superseded; it is shown as written",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'joelparkerhenderson__architecture-decision-record/decision-record-template-by-gig-cymru-nhs-wales.md',
      {
        title: '{Your Title Here}',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status '{ Proposed | Under Review | Accepted | Rejected | Superseded | Deprecated }' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
          "date '{YYYY-MM-DD}' is not a YYYY-MM-DD date",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'joelparkerhenderson__architecture-decision-record/decision-record-template-by-michael-nygard.md',
      {
        title: 'Decision record template by Michael Nygard',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status 'What is the status, such as proposed, accepted, rejected, deprecated, supersede…' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'joelparkerhenderson__architecture-decision-record/decision-record-template-of-the-madr-project.md',
      {
        title: '[short title of solved problem and solution]',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status '[proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](000…' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
          "date '[YYYY-MM-DD when the decision was last updated]' is not a YYYY-MM-DD date",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'joelparkerhenderson__architecture-decision-record/environment-variable-configuration.md',
      {
        title: 'Environment variable configuration',
        status: undefined,
        statusText:
          'Decided. Open to considering to new capabilities as they come up.',
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status 'Decided. Open to considering to new capabilities as they come up.' is not one of proposed, accepted, rejected, deprecated, superseded; it is shown as written",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'joelparkerhenderson__architecture-decision-record/sveltekit-framework.md',
      {
        title: 'Architecture Decision Record: SvelteKit framework',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status '[proposed, approved, rejected, deprecated]' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
          "date '[Current Date]' is not a YYYY-MM-DD date",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'joelparkerhenderson__architecture-decision-record/vue-front-end-javascript-library.md',
      {
        title: 'Architecture Decision Record: Vue front-end JavaScript library',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status '[Draft/Final/Postponed/Cancelled]' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
          "date '[Date of decision]' is not a YYYY-MM-DD date",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'lyskouski__app-finance/000000_template.md',
      {
        title: 'Description of proposal',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status 'Proposed | Accepted | Rejected' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
          "date 'YYYY-MM-DD' is not a YYYY-MM-DD date",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'naninfinite__website-os/ADR-000-template.md',
      {
        title: 'Title',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status 'proposed | accepted | deprecated | superseded' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
          "date 'YYYY-MM-DD' is not a YYYY-MM-DD date",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'trivedisorabh__ferris/002-tabs.md',
      {
        title: 'Title',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status '`❓ Proposed | ✅ Accepted | 🚫 Rejected | 🪦 Deprecated | ↗️ Superseded`' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
        ],
      },
    ],
    [
      'template placeholder or prose',
      'workleap__wl-leap-deploy/adr-template.md',
      {
        title:
          '{short title, representative of solved problem and found solution}',
        status: undefined,
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [
          "status '{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
          "date '{YYYY-MM-DD when the decision was last updated}' is not a YYYY-MM-DD date",
        ],
      },
    ],
    [
      'date as people write it',
      'joelparkerhenderson__architecture-decision-record/python-django-framework.md',
      {
        title: 'Architecture Decision Record for Python Django Framework',
        status: 'accepted',
        statusText: undefined,
        date: '2021-07-15',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'date as people write it',
      'joelparkerhenderson__architecture-decision-record/rust-programming-language.md',
      {
        title: 'Architecture Decision Record: Rust programming language',
        status: 'accepted',
        statusText: undefined,
        date: '2021-12-01',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'date as people write it',
      'konflux-ci__architecture/0022-secret-mgmt-for-user-workloads.md',
      {
        title: 'Secret Management For User Workloads',
        status: 'accepted',
        statusText: undefined,
        date: '2023-08-29',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'date as people write it',
      'ministryofjustice__cloud-platform/001-Use-AWS-hosted-elasticsearch.md',
      {
        title: 'Use AWS hosted Elasticsearch',
        status: 'accepted',
        statusText: undefined,
        date: '2018-02-05',
        supersededBy: undefined,
        warnings: [
          "date '05/02/2018' can be read as 5 February 2018 or 2 May 2018; it is read day-first as 2018-02-05 (governance.adrs.dateOrder): write 2018-02-05 to remove the doubt",
        ],
      },
    ],
    [
      'date as people write it',
      'ministryofjustice__cloud-platform/003-Use-Concourse-CI.md',
      {
        title: 'Use Concourse CI',
        status: 'accepted',
        statusText: undefined,
        date: '2018-03-28',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'date as people write it',
      'ministryofjustice__cloud-platform/004-use-kubernetes-for-container-management.md',
      {
        title: 'Use kubernetes for running containerised applications',
        status: 'accepted',
        statusText: undefined,
        date: '2018-04-10',
        supersededBy: undefined,
        warnings: [
          "date '10/04/18' can be read as 10 April 2018 or 4 October 2018; it is read day-first as 2018-04-10 (governance.adrs.dateOrder): write 2018-04-10 to remove the doubt",
        ],
      },
    ],
    [
      'date as people write it',
      'ministryofjustice__cloud-platform/018-Dedicated-Ingress-Controllers.md',
      {
        title: 'Dedicated Ingress Controllers for teams',
        status: 'rejected',
        statusText: 'Rejected (see [019](019-Shared-Ingress-Controllers.md))',
        date: '2020-09-02',
        supersededBy: undefined,
        warnings: [
          "date '02/09/2020' can be read as 2 September 2020 or 9 February 2020; it is read day-first as 2020-09-02 (governance.adrs.dateOrder): write 2020-09-02 to remove the doubt",
        ],
      },
    ],
    [
      'date as people write it',
      'ministryofjustice__cloud-platform/022-EKS.md',
      {
        title: 'EKS',
        status: 'accepted',
        statusText: undefined,
        date: '2024-11-11',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'date as people write it',
      'ministryofjustice__cloud-platform/035-deprecated-tls-versions.md',
      {
        title: 'Deprecated TLS Versions',
        status: 'accepted',
        statusText: undefined,
        date: '2022-07-04',
        supersededBy: undefined,
        warnings: [
          "date '04/07/2022' can be read as 4 July 2022 or 7 April 2022; it is read day-first as 2022-07-04 (governance.adrs.dateOrder): write 2022-07-04 to remove the doubt",
        ],
      },
    ],
    [
      'plain Nygard or MADR',
      'alphagov__govuk-aws/0004-dns-definitions-for-hosts-and-services.md',
      {
        title: 'DNS definitions for hosts and services',
        status: 'superseded',
        statusText:
          'Superseded by [DNS Infrastructure](0015-dns-infrastructure.md)',
        date: '2017-07-14',
        supersededBy: '0015-dns-infrastructure.md',
        warnings: [],
      },
    ],
    [
      'plain Nygard or MADR',
      'joelparkerhenderson__architecture-decision-record/go-programming-language.md',
      {
        title: 'Architecture Decision Record: Go programming language',
        status: 'accepted',
        statusText: undefined,
        date: undefined,
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'plain Nygard or MADR',
      'npryce__adr-tools/0001-record-architecture-decisions.md',
      {
        title: 'Record architecture decisions',
        status: 'accepted',
        statusText: undefined,
        date: '2016-02-12',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'plain Nygard or MADR',
      'npryce__adr-tools/0008-use-iso-8601-format-for-dates.md',
      {
        title: 'Use ISO 8601 Format for Dates',
        status: 'accepted',
        statusText: undefined,
        date: '2017-02-21',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'plain Nygard or MADR',
      'thomvaill__log4brains/20200926-use-the-adr-number-as-its-unique-id.md',
      {
        title: 'Use the ADR number as its unique ID',
        status: 'superseded',
        statusText:
          'superseded by [20201016-use-the-adr-slug-as-its-unique-id](20201016-use-the-adr-slug-as-its-unique-id.md)',
        date: '2020-09-26',
        supersededBy: '20201016-use-the-adr-slug-as-its-unique-id.md',
        warnings: [],
      },
    ],
    [
      'plain Nygard or MADR',
      'thomvaill__log4brains/20201016-use-the-adr-slug-as-its-unique-id.md',
      {
        title: 'Use the ADR slug as its unique ID',
        status: 'accepted',
        statusText: undefined,
        date: '2020-10-16',
        supersededBy: undefined,
        warnings: [],
      },
    ],
    [
      'plain Nygard or MADR',
      'thomvaill__log4brains/20201029-rejected-adr.md',
      {
        title: 'Rejected ADR',
        status: 'rejected',
        statusText: undefined,
        date: '2020-10-29',
        supersededBy: undefined,
        warnings: [],
      },
    ],
  ];

  it.each(expected)('%s: %s', (_kind, file, adr) => {
    const parsed = parseRealWorld(file);
    expect({
      title: parsed.title,
      status: parsed.status,
      statusText: parsed.statusText,
      date: parsed.date,
      supersededBy: parsed.supersededBy?.target,
      warnings: parsed.warnings,
    }).toEqual(adr);
  });

  it('has an expectation and a source for every fixture', () => {
    const sources = fs.readFileSync(
      path.join(REAL_WORLD, 'SOURCES.md'),
      'utf8',
    );
    expect(realWorldFiles.length).toBeGreaterThanOrEqual(30);
    expect(expected.map(([, file]) => file).sort()).toEqual(
      [...realWorldFiles].sort(),
    );
    for (const file of realWorldFiles) {
      expect(sources).toContain(`| \`${file}\``);
    }
  });

  it('reads an ambiguous date month-first when governance.adrs.dateOrder says so', () => {
    const adr = parseRealWorld(
      'ministryofjustice__cloud-platform/001-Use-AWS-hosted-elasticsearch.md',
      { dateOrder: 'month-first' },
    );
    expect(adr.date).toBe('2018-05-02');
    expect(adr.warnings).toEqual([
      "date '05/02/2018' can be read as 2 May 2018 or 5 February 2018; it is read month-first as 2018-05-02 (governance.adrs.dateOrder): write 2018-05-02 to remove the doubt",
    ]);
  });

  it('needs no setting for a date that can only be read one way', () => {
    const adr = parseRealWorld(
      'ministryofjustice__cloud-platform/003-Use-Concourse-CI.md',
      { dateOrder: 'month-first' },
    );
    expect(adr.date).toBe('2018-03-28');
    expect(adr.warnings).toEqual([]);
  });
});

describe('status and date as people write them', () => {
  const nygard = (status: string, more = '') =>
    parseAdr('0001-x.md', `# X\n\n## Status\n\n${status}\n${more}`);

  it.each([
    ['[Accepted]', 'accepted', undefined],
    ['**ACCEPTED**', 'accepted', undefined],
    ['`Deprecated`', 'deprecated', undefined],
    ['On hold', 'proposed', 'On hold'],
    [
      'ON HOLD — excluded from the MVP',
      'proposed',
      'ON HOLD — excluded from the MVP',
    ],
    ['Declined', 'rejected', 'Declined'],
    [
      'Partly superseded by ADR-0014',
      'accepted',
      'Partly superseded by ADR-0014',
    ],
  ])('reads status %s as %s', (written, status, statusText) => {
    const adr = nygard(written);
    expect(adr.status).toBe(status);
    expect(adr.statusText).toBe(statusText);
    expect(adr.warnings).toEqual([]);
  });

  it.each([
    [
      'the latest dated entry',
      'Accepted (2020-02-10)\n\nProposed (2020-01-03)',
      'accepted',
      'Accepted (2020-02-10)',
    ],
    ['the last entry', '* Proposed\n* Accepted', 'accepted', undefined],
    [
      'a superseding note after the first status',
      'Accepted\n\nSuperseded by [9. Use Y](0009-use-y.md)',
      'superseded',
      'Superseded by [9. Use Y](0009-use-y.md)',
    ],
  ])('takes %s of a status history', (_what, history, status, statusText) => {
    const adr = nygard(history);
    expect(adr.status).toBe(status);
    expect(adr.statusText).toBe(statusText);
  });

  it.each([
    [
      'a change log table',
      '## Change log\n\n| Date | Status | Notes |\n| --- | --- | --- |\n| 2020-01-03 | Proposed | first draft |\n| 2020-02-10 | Accepted | council |\n',
      'accepted',
      '2020-02-10',
    ],
    [
      'a table of revisions, newest first',
      '## Revisions\n\n| Decision | Deprecated |\n| --- | --- |\n| Decision date | 2023-05-01 |\n\n| Decision | Accepted |\n| --- | --- |\n| Decision date | 2021-04-01 |\n',
      'deprecated',
      '2023-05-01',
    ],
  ])('reads the latest entry of %s', (_what, table, status, date) => {
    const adr = parseAdr(
      '0001-x.md',
      `# Use X\n\n## Context\n\nText.\n\n${table}`,
    );
    expect(adr.status).toBe(status);
    expect(adr.date).toBe(date);
  });

  it('reads a status line written after the Decision section', () => {
    const adr = parseAdr(
      '0001-x.md',
      '# Use X\n\n## Decision\n\nWe use X.\n\nStatus: Accepted\n',
    );
    expect(adr.status).toBe('accepted');
    expect(adr.warnings).toEqual([]);
  });

  it('reads a status tag at the end of the title and drops it from the title', () => {
    const adr = parseAdr('0001-x.md', '# 1. Use X (Deprecated)\n\nText.\n');
    expect(adr.title).toBe('Use X');
    expect(adr.status).toBe('deprecated');
  });

  it.each([
    ['2022-05-02 (last update)', '2022-05-02', []],
    ['December 1, 2021', '2021-12-01', []],
    ['1st December 2021', '2021-12-01', []],
    ['28.03.2018', '2018-03-28', []],
    [
      '12.06.2020',
      '2020-06-12',
      [
        "date '12.06.2020' can be read as 12 June 2020 or 6 December 2020; it is read day-first as 2020-06-12 (governance.adrs.dateOrder): write 2020-06-12 to remove the doubt",
      ],
    ],
    ['31/02/2020', undefined, ["date '31/02/2020' is not a YYYY-MM-DD date"]],
  ])('reads date line %s as %s', (written, date, warnings) => {
    const adr = parseAdr(
      '0001-x.md',
      `# X\n\nDate: ${written}\n\n## Status\n\nAccepted\n`,
    );
    expect(adr.date).toBe(date);
    expect(adr.warnings).toEqual(warnings);
  });

  it('takes a later date line as revising the first', () => {
    const adr = parseAdr(
      '0001-x.md',
      '# X\n\n* Date: 2019-03-01\n* Status: accepted\n* Last updated: 2021-06-30\n',
    );
    expect(adr.date).toBe('2021-06-30');
  });
});
