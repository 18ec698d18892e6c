import { parseAdrText } from './__testUtils__/fixtures';

describe('fields under the title', () => {
  it('splits deciders on commas and "and", dropping template placeholders', () => {
    const adr = parseAdrText(
      '---\nstatus: accepted\ndeciders: [Alice and Bob, "Carol, Dan", "{list everyone involved}"]\n---\n# X\n',
    );
    expect(adr.deciders).toEqual(['Alice', 'Bob', 'Carol', 'Dan']);
  });

  it.each([
    [
      'the first row is a key and its value',
      '| Date | 2025-12-04 |\n| --- | --- |\n| Status | Draft |',
    ],
    [
      'the header is empty',
      '| | |\n| --- | --- |\n| Date | 2025-12-04 |\n| Status | Draft |',
    ],
    [
      'a row has no closing pipe',
      '| | |\n| --- | --- |\n| Date | 2025-12-04\n| Status | Draft |',
    ],
    [
      'the keys head the columns',
      '| Status | Date |\n| --- | --- |\n| Draft | 2025-12-04 |',
    ],
  ])('reads a table of fields under the title where %s', (_how, table) => {
    const adr = parseAdrText(`# X\n\n${table}\n\n## Context\n`);
    expect(adr.date).toBe('2025-12-04');
    expect(adr.status).toBe('proposed');
    expect(adr.statusText).toBe('Draft');
    expect(adr.warnings).toEqual([]);
  });

  it('reads several fields on one line joined by pipes', () => {
    const adr = parseAdrText(
      '# X\n\n**Status:** Accepted | **Date:** 2025-02-17 | **Review:** 2026-02-17\n',
    );
    expect(adr.status).toBe('accepted');
    expect(adr.statusText).toBeUndefined();
    expect(adr.date).toBe('2025-02-17');
  });

  it('keeps a pipe that is part of the value', () => {
    const adr = parseAdrText('# X\n\nStatus: Accepted | with notes\n');
    expect(adr.status).toBe('accepted');
    expect(adr.statusText).toBe('Accepted | with notes');
  });
});
