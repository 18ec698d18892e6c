import fs from 'fs';
import path from 'path';
import {
  parseRealWorld,
  REAL_WORLD,
  realWorldExpectations,
  realWorldFiles,
} from './__testUtils__/realWorld';

describe('real-world ADRs (src/__fixtures__/adrs/real-world, sources in its SOURCES.md)', () => {
  it.each(
    realWorldExpectations
      .filter(([, expected]) => expected.warnings !== undefined)
      .map(([file, expected]) => [expected.kind, file, expected]),
  )('%s: %s', (_kind, file, expected) => {
    const parsed = parseRealWorld(file);
    expect({
      title: parsed.title,
      status: parsed.status,
      statusText: parsed.statusText,
      date: parsed.date,
      supersededBy: parsed.supersededBy?.target,
      warnings: parsed.warnings,
    }).toEqual({
      title: expected.title,
      status: expected.status,
      statusText: expected.statusText,
      date: expected.date,
      supersededBy: expected.supersededBy,
      warnings: expected.warnings,
    });
  });

  it('has an expectation and a source for every fixture', () => {
    const sources = fs.readFileSync(
      path.join(REAL_WORLD, 'SOURCES.md'),
      'utf8',
    );
    expect(realWorldFiles.length).toBeGreaterThanOrEqual(30);
    expect(realWorldExpectations.map(([file]) => file).sort()).toEqual(
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
