import { AdrFile, DEFAULT_ADR_FILE_PATTERN, lintAdrs } from './lintAdrs';

const accepted = (title: string, extra = '') =>
  `# ${title}\n\n* Status: accepted\n* Date: 2026-01-12\n${extra}`;

function lint(
  files: Record<string, string>,
  options: {
    filePattern?: string;
    dateOrder?: 'day-first' | 'month-first';
  } = {},
) {
  const adrs: AdrFile[] = Object.entries(files).map(([path, text]) => ({
    path: `docs/adr/${path}`,
    text,
  }));
  return lintAdrs(adrs, {
    filePattern: new RegExp(options.filePattern ?? DEFAULT_ADR_FILE_PATTERN),
    dateOrder: options.dateOrder ?? 'day-first',
  }).map(p => [p.file.replace('docs/adr/', ''), p.ruleId, p.message]);
}

/** What lint answers when the one ADR has one problem, of `ruleId`, saying `message`. */
const onlyProblem = (ruleId: string, message: string) => [
  ['0001-use-kafka.md', ruleId, message],
];

describe('lintAdrs', () => {
  it('finds nothing wrong with numbered ADRs that have a status and a date', () => {
    expect(
      lint({
        '0001-record-decisions.md': accepted('1. Record decisions'),
        '0002-use-kafka.md':
          '---\nstatus: superseded by [ADR-0003](0003-use-pulsar.md)\ndate: 2026-02-03\n---\n# Use Kafka\n',
        '0003-use-pulsar.md': accepted('3. Use Pulsar'),
        '0004-use-grpc.md':
          '# 4. Use gRPC\n\nDate: 2026-03-01\n\n## Status\n\nSuperseded by ADR-0001\n',
      }),
    ).toEqual([]);
  });

  it.each([
    [
      'adr-status',
      'no status',
      '# 1. Use Kafka\n\nDate: 2026-01-12\n',
      "no status: expected 'status: accepted' in the front matter, a '* Status: accepted' line under the title or a '## Status' section",
    ],
    [
      'adr-status',
      'a status outside the vocabulary',
      '# 1. Use Kafka\n\n* Status: Under discussion\n* Date: 2026-01-12\n',
      "status 'Under discussion' is not one of proposed, accepted, rejected, deprecated, superseded; it is shown as written",
    ],
    [
      'adr-status',
      "the template's placeholder",
      '# 1. Use Kafka\n\n* Status: {proposed | accepted}\n* Date: 2026-01-12\n',
      "status '{proposed | accepted}' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded",
    ],
    [
      'adr-date',
      'no date',
      '# 1. Use Kafka\n\n* Status: accepted\n',
      "no date: expected 'date: 2026-03-01' in the front matter or a 'Date: 2026-03-01' line under the title",
    ],
    [
      'adr-date',
      'a date it cannot read',
      '# 1. Use Kafka\n\n* Status: accepted\n* Date: last spring\n',
      "date 'last spring' is not a YYYY-MM-DD date",
    ],
    [
      'adr-date',
      'a date that can be read two ways',
      '# 1. Use Kafka\n\n* Status: accepted\n* Date: 05/02/2026\n',
      "date '05/02/2026' can be read as 5 February 2026 or 2 May 2026; it is read day-first as 2026-02-05 (governance.adrs.dateOrder): write 2026-02-05 to remove the doubt",
    ],
  ])('reports %s: %s, in the words of the parser', (rule, _, text, message) => {
    const problems = lint({ '0001-use-kafka.md': text });
    expect(problems).toEqual(onlyProblem(rule, message));
  });

  it('takes a status word the parser maps, such as Approved, as a status', () => {
    expect(
      lint({
        '0001-use-kafka.md':
          '# 1. Use Kafka\n\n* Status: Approved\n* Date: 2026-01-12\n',
      }),
    ).toEqual([]);
  });

  it('reads a date that can be read two ways in the date order, and still reports the doubt', () => {
    expect(
      lint(
        {
          '0001-use-kafka.md':
            '# 1. Use Kafka\n\n* Status: accepted\n* Date: 05/02/2026\n',
        },
        { dateOrder: 'month-first' },
      ),
    ).toEqual([
      [
        '0001-use-kafka.md',
        'adr-date',
        expect.stringContaining('it is read month-first as 2026-05-02'),
      ],
    ]);
  });

  it('reports a superseded ADR that names no successor, or one that is not in the folder', () => {
    expect(
      lint({
        '0001-use-kafka.md':
          '# 1. Use Kafka\n\n* Status: superseded\n* Date: 2026-01-12\n',
        '0002-use-redis.md':
          '# 2. Use Redis\n\n* Status: superseded by [ADR-0009](0009-use-memcached.md)\n* Date: 2026-01-12\n',
        '0003-use-grpc.md':
          '# 3. Use gRPC\n\n* Status: superseded by ADR-0007\n* Date: 2026-01-12\n',
      }),
    ).toEqual([
      [
        '0001-use-kafka.md',
        'adr-superseded-by',
        "the status is superseded but names no superseding ADR: expected e.g. 'Superseded by [ADR-0005](0005-use-kafka.md)'",
      ],
      [
        '0002-use-redis.md',
        'adr-superseded-by',
        "superseded by '0009-use-memcached.md', which is not an ADR of this folder: link the file that supersedes it, e.g. 'Superseded by [ADR-0005](0005-use-kafka.md)'",
      ],
      [
        '0003-use-grpc.md',
        'adr-superseded-by',
        expect.stringMatching(/^superseded by 'ADR-0007', which is not an ADR/),
      ],
    ]);
  });

  it('finds a successor in a subfolder by its name, and leaves a successor in another repository alone', () => {
    expect(
      lint({
        '0001-use-kafka.md':
          '# 1. Use Kafka\n\n* Status: superseded by [ADR-0002](../2026/0002-use-pulsar.md)\n* Date: 2026-01-12\n',
        '2026/0002-use-pulsar.md': accepted('2. Use Pulsar'),
        '0003-use-grpc.md':
          '# 3. Use gRPC\n\n* Status: superseded by [ADR-0001](https://github.com/acme/platform/blob/main/docs/adr/0001-use-http.md)\n* Date: 2026-01-12\n',
      }),
    ).toEqual([]);
  });

  it('reports every file that shares a number with another', () => {
    expect(
      lint({
        '0001-use-kafka.md': accepted('1. Use Kafka'),
        '0001-use-pulsar.md': accepted('1. Use Pulsar'),
        '0002-use-grpc.md': accepted('2. Use gRPC'),
      }),
    ).toEqual([
      [
        '0001-use-kafka.md',
        'adr-duplicate-number',
        'ADR number 1 is also the number of 0001-use-pulsar.md: give each ADR a number of its own',
      ],
      [
        '0001-use-pulsar.md',
        'adr-duplicate-number',
        'ADR number 1 is also the number of 0001-use-kafka.md: give each ADR a number of its own',
      ],
    ]);
  });

  // The default pattern is explained; a pattern of the team's own is only named.
  const explained =
    ': a 4-digit number, a dash and lower-case words joined by dashes, e.g. 0007-use-kafka.md';
  it.each([
    ['7-use-kafka.md', DEFAULT_ADR_FILE_PATTERN, explained],
    ['0007_Use_Kafka.md', DEFAULT_ADR_FILE_PATTERN, explained],
    ['0007-use-kafka.markdown', DEFAULT_ADR_FILE_PATTERN, explained],
    ['0007-use-kafka.md', '^ADR-\\d+-.+\\.md$', ''],
  ])(
    'reports the file name %s that does not match %s',
    (name, pattern, explanation) => {
      expect(
        lint({ [name]: accepted('7. Use Kafka') }, { filePattern: pattern }),
      ).toEqual([
        [
          name,
          'adr-file-name',
          `file name '${name}' does not match the ADR file pattern ${pattern} (--file-pattern)${explanation}`,
        ],
      ]);
    },
  );

  it('lists the problems by file, in the order the files were given', () => {
    expect(
      lint({
        '0002-b.md': '# 2. B\n',
        '0001-a.md': '# 1. A\n',
      }).map(([file, rule]) => `${file} ${rule}`),
    ).toEqual([
      '0002-b.md adr-status',
      '0002-b.md adr-date',
      '0001-a.md adr-status',
      '0001-a.md adr-date',
    ]);
  });
});
