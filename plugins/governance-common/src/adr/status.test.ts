import { parseAdr } from './parseAdr';
import { parseAdrText, parseFixture } from './__testUtils__/fixtures';

describe('status', () => {
  it('keeps an unknown status as written and warns about it', () => {
    const adr = parseFixture('0011-in-limbo.md');
    expect(adr.status).toBeUndefined();
    expect(adr.statusText).toBe('In limbo');
    expect(adr.warnings).toEqual([
      "status 'In limbo' is not one of proposed, accepted, rejected, deprecated, superseded; it is shown as written",
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

  it('maps common synonyms to a status but keeps the word as written', () => {
    const adr = parseAdrText('# X\n\n* Status: Approved\n');
    expect(adr.status).toBe('accepted');
    expect(adr.statusText).toBe('Approved');
    expect(adr.warnings).toEqual([]);
  });
});

describe('status as people write it', () => {
  const nygard = (status: string, more = '') =>
    parseAdrText(`# X\n\n## Status\n\n${status}\n${more}`);

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
    ['Review', 'proposed', 'Review'],
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
      'the status, not a note to review it',
      'Accepted\n\nReview in six months.',
      'accepted',
      undefined,
    ],
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
    const adr = parseAdrText(`# Use X\n\n## Context\n\nText.\n\n${table}`);
    expect(adr.status).toBe(status);
    expect(adr.date).toBe(date);
  });

  it('reads a status line written after the Decision section', () => {
    const adr = parseAdrText(
      '# Use X\n\n## Decision\n\nWe use X.\n\nStatus: Accepted\n',
    );
    expect(adr.status).toBe('accepted');
    expect(adr.warnings).toEqual([]);
  });

  it('reads a status tag at the end of the title and drops it from the title', () => {
    const adr = parseAdrText('# 1. Use X (Deprecated)\n\nText.\n');
    expect(adr.title).toBe('Use X');
    expect(adr.status).toBe('deprecated');
  });
});
