import { readAdrDate, spelledDate } from './dates';
import { parseAdrText, parseFixture } from './__testUtils__/fixtures';

describe('readAdrDate', () => {
  it.each([
    ['2018-02-05', 'day-first', { date: '2018-02-05' }],
    ['2024-03-01T10:00:00Z', 'day-first', { date: '2024-03-01' }],
    ['**2021-11-21**', 'day-first', { date: '2021-11-21' }],
    ['2021-01-06 (yyyy-mm-dd)', 'day-first', { date: '2021-01-06' }],
    ['2021/12/01', 'day-first', { date: '2021-12-01' }],
    [
      '05/02/2018',
      'day-first',
      { date: '2018-02-05', otherReading: '2018-05-02' },
    ],
    [
      '05/02/2018',
      'month-first',
      { date: '2018-05-02', otherReading: '2018-02-05' },
    ],
    ['11/11/2024', 'month-first', { date: '2024-11-11' }],
    ['28/03/2018', 'month-first', { date: '2018-03-28' }],
    ['11/23/2020', 'day-first', { date: '2020-11-23' }],
    [
      '10/04/18',
      'day-first',
      { date: '2018-04-10', otherReading: '2018-10-04' },
    ],
    ['Dec 1, 2021', 'day-first', { date: '2021-12-01' }],
    ['1 December 2021', 'month-first', { date: '2021-12-01' }],
    ['2019 Oct 23', 'day-first', { date: '2019-10-23' }],
    ['2024-02-30', 'day-first', undefined],
    ['29/02/2023', 'day-first', undefined],
    ['YYYY-MM-DD', 'day-first', undefined],
    ['[Date of decision]', 'day-first', undefined],
    ['Smarch 1, 2021', 'day-first', undefined],
    ['11-April-2023', 'day-first', { date: '2023-04-11' }],
    ['Sep 13th, 2024', 'day-first', { date: '2024-09-13' }],
    ['January, 2026', 'day-first', undefined],
  ] as const)('reads %s (%s) as %j', (written, order, reading) => {
    expect(readAdrDate(written, order)).toEqual(reading);
  });

  it('spells a date out for a warning', () => {
    expect(spelledDate('2018-02-05')).toBe('5 February 2018');
  });
});

describe('the ADR date', () => {
  it('drops a date that is not YYYY-MM-DD and warns about it', () => {
    const adr = parseFixture('0012-bad-date.md');
    expect(adr.date).toBeUndefined();
    expect(adr.status).toBe('accepted');
    expect(adr.title).toBe('Adopt OpenTelemetry');
    expect(adr.warnings).toEqual([
      "date 'last spring' is not a YYYY-MM-DD date",
    ]);
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
    const adr = parseAdrText(
      `# X\n\nDate: ${written}\n\n## Status\n\nAccepted\n`,
    );
    expect(adr.date).toBe(date);
    expect(adr.warnings).toEqual(warnings);
  });

  it('takes a later date line as revising the first', () => {
    const adr = parseAdrText(
      '# X\n\n* Date: 2019-03-01\n* Status: accepted\n* Last updated: 2021-06-30\n',
    );
    expect(adr.date).toBe('2021-06-30');
  });
});
