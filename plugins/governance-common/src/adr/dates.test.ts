import { readAdrDate, spelledDate } from './adrDates';

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
  ] as const)('reads %s (%s) as %j', (written, order, reading) => {
    expect(readAdrDate(written, order)).toEqual(reading);
  });

  it('spells a date out for a warning', () => {
    expect(spelledDate('2018-02-05')).toBe('5 February 2018');
  });
});
