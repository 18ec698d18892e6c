import { addMonths } from './dates';

const day = (date: Date) => date.toISOString().slice(0, 10);

describe('addMonths', () => {
  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(day(addMonths('2026-08-31', 6))).toBe('2027-02-28');
    expect(day(addMonths('2026-01-15', 12))).toBe('2027-01-15');
  });

  it.each([
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', 1.5, '2026-03-02'],
    ['2026-01-15', 0, '2026-01-15'],
  ])('from %s adds %s months: %s', (from, months, due) => {
    expect(day(addMonths(from, months))).toBe(due);
  });

  it('gives an invalid date for text that is no date, as Date does', () => {
    expect(Number.isNaN(addMonths('not a date', 6).getTime())).toBe(true);
  });
});
