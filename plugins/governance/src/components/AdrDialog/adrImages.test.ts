import { relativeImagePaths } from './adrImages';

/**
 * The regular expressions the scan replaced, as the reference for what it finds (code is left
 * out the same way before either runs, so the random Markdown holds none).
 */
function byRegularExpressions(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(
    /!\[(?:[^\]\\\n]|\\.)*\]\(\s*(?:<([^>\n]*)>|([^\s)]+))/g,
  )) {
    found.push((m[1] ?? m[2] ?? '').trim());
  }
  const definitions = new Map<string, string>();
  for (const m of text.matchAll(
    /^ {0,3}\[([^\]\n]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))/gm,
  )) {
    const label = m[1].trim().toLowerCase().replace(/\s+/g, ' ');
    if (!definitions.has(label)) {
      definitions.set(label, (m[2] ?? m[3] ?? '').trim());
    }
  }
  for (const m of text.matchAll(/!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?(?!\()/g)) {
    const label = (m[2] || m[1]).trim().toLowerCase().replace(/\s+/g, ' ');
    const target = definitions.get(label);
    if (target !== undefined) {
      found.push(target);
    }
  }
  for (const m of text.matchAll(
    /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi,
  )) {
    found.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
  }
  return [
    ...new Set(
      found
        .filter(
          uri =>
            uri !== '' &&
            !/^[a-z][a-z0-9+.-]*:/i.test(uri) &&
            !uri.startsWith('//') &&
            !uri.startsWith('#'),
        )
        .map(path => {
          try {
            return decodeURI(path.trim());
          } catch {
            return path.trim();
          }
        }),
    ),
  ];
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

const TOKENS = [
  '![',
  ']',
  '[',
  '(',
  ')',
  '<',
  '>',
  '"',
  "'",
  ' ',
  '\n',
  '=',
  ':',
  'a',
  'x.png',
  'IMG',
  '<img',
  ' src',
  'src',
  '[a]: ',
  'https://',
  '#',
];

describe('relativeImagePaths', () => {
  it('finds inline, reference-style and HTML images, relative ones only, outside code', () => {
    expect(
      relativeImagePaths(
        [
          '![Flow](images/event%20flow.png "title") and ![angled]( <images/a b.png> )',
          '![ref][diagram] ![Diagram] ![web](https://example.com/x.png)',
          '<img alt="x" src="images/html.svg"> <IMG SRC=images/bare.gif>',
          '`![code](images/in-code.png)`',
          '```',
          '![fenced](images/fenced.png)',
          '```',
          '[diagram]: <images/diagram.png>',
          '![again](<images/event flow.png>)',
        ].join('\n'),
      ),
    ).toEqual([
      'images/event flow.png',
      'images/a b.png',
      'images/diagram.png',
      'images/html.svg',
      'images/bare.gif',
    ]);
  });

  it('finds what the regular expressions it replaced found, on random Markdown', () => {
    const next = random(16);
    for (let run = 0; run < 3000; run++) {
      const length = 1 + next(30);
      let text = '';
      for (let i = 0; i < length; i++) {
        text += TOKENS[next(TOKENS.length)];
      }
      expect([text, relativeImagePaths(text)]).toEqual([
        text,
        byRegularExpressions(text),
      ]);
    }
  });

  it('stays fast on long lines that would make a regular expression scan them again and again', () => {
    const size = 200_000;
    const inputs = [
      '!['.repeat(size / 2),
      `![a](${' '.repeat(size)}`,
      '![a]['.repeat(size / 5),
      '<img '.repeat(size / 5),
      '<img src="'.repeat(size / 10),
      `<img${' src'.repeat(size / 4)}`,
      '[a]: '.repeat(size / 5),
    ];
    const started = Date.now();
    for (const input of inputs) {
      relativeImagePaths(input);
    }
    // Linear work on 1.4 MB takes milliseconds; the regular expressions took 31 s for the
    // first line alone.
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
