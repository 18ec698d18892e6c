import { parseAdr } from './parseAdr';
import { parseAdrText } from './__testUtils__/fixtures';

describe('links to other ADRs', () => {
  it('warns when a superseded ADR does not say what superseded it', () => {
    const adr = parseAdr('0021-x.md', '# Use SOAP\n\n## Status\n\nSuperseded');
    expect(adr.status).toBe('superseded');
    expect(adr.supersededBy).toBeUndefined();
    expect(adr.warnings).toEqual([
      "the status is superseded but names no superseding ADR: expected e.g. 'Superseded by [ADR-0005](0005-use-kafka.md)'",
    ]);
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
    const adr = parseAdrText(`# X\n\n## Status\n\n${written}`);
    expect(adr.links).toEqual([link]);
  });

  it('does not read a number in prose as a link', () => {
    const adr = parseAdrText(
      '# X\n\n* Status: accepted\n\n## Links\n\n* Relates to 2 teams in payments',
    );
    expect(adr.links).toEqual([]);
  });
});
