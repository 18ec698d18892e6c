import { addMonths } from './dates';

describe('addMonths', () => {
  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-08-31', 6).toISOString().slice(0, 10)).toBe(
      '2027-02-28',
    );
    expect(addMonths('2026-01-15', 12).toISOString().slice(0, 10)).toBe(
      '2027-01-15',
    );
  });
});
