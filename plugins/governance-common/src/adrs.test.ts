import { ConfigReader } from '@backstage/config';
import { DEFAULT_ADR_POLICY, readAdrPolicy, retrospectiveState } from './adrs';

const policy = DEFAULT_ADR_POLICY.retrospective;
const at = (day: string) => new Date(`${day}T00:00:00Z`);
const stateOn = (date: string, day: string, recorded = false) =>
  retrospectiveState(
    { status: 'accepted', date },
    { recorded, now: at(day), policy },
  ).state;

describe('retrospectiveState', () => {
  it('is due from the day three months after the decision, and overdue from six', () => {
    expect(stateOn('2026-03-10', '2026-06-09')).toBe('not-due');
    expect(stateOn('2026-03-10', '2026-06-10')).toBe('due');
    expect(stateOn('2026-03-10', '2026-09-09')).toBe('due');
    expect(stateOn('2026-03-10', '2026-09-10')).toBe('overdue');
  });

  it('clamps to the end of a shorter month', () => {
    expect(
      retrospectiveState(
        { status: 'accepted', date: '2026-08-31' },
        { recorded: false, now: at('2026-11-30'), policy },
      ),
    ).toEqual({ state: 'due', dueAt: '2026-11-30', overdueAt: '2027-02-28' });
    expect(stateOn('2026-08-31', '2026-11-29')).toBe('not-due');
  });

  it('stops counting once a retrospective is recorded', () => {
    expect(stateOn('2025-01-01', '2026-11-25', true)).toBe('recorded');
  });

  it('applies only to accepted ADRs with a date', () => {
    for (const adr of [
      { status: 'proposed' as const, date: '2025-01-01' },
      { status: 'superseded' as const, date: '2025-01-01' },
      { status: 'accepted' as const },
    ]) {
      expect(
        retrospectiveState(adr, {
          recorded: false,
          now: at('2026-11-25'),
          policy,
        }).state,
      ).toBe('not-applicable');
    }
  });
});

describe('readAdrPolicy', () => {
  it('reads defaults and overrides', () => {
    expect(readAdrPolicy(new ConfigReader({}))).toEqual(DEFAULT_ADR_POLICY);
    expect(
      readAdrPolicy(
        new ConfigReader({
          governance: {
            adrs: {
              filePattern: '^ADR-\\d+\\.md$',
              maxFileSize: 65536,
              retrospective: { dueAfterMonths: 2, overdueAfterMonths: 4 },
              dateOrder: 'month-first',
              staleAfterMonths: 24,
            },
          },
        }),
      ),
    ).toEqual({
      filePattern: '^ADR-\\d+\\.md$',
      maxFileSize: 65536,
      retrospective: { dueAfterMonths: 2, overdueAfterMonths: 4 },
      dateOrder: 'month-first',
      staleAfterMonths: 24,
    });
  });

  it.each([
    [
      { maxFileSize: 100 },
      "'governance.adrs.maxFileSize': 100 is not allowed, expected a whole number of bytes from 1024 to 67108864",
    ],
    [
      { maxFileSize: 1.5e6 + 0.5 },
      "'governance.adrs.maxFileSize': 1500000.5 is not allowed",
    ],
    [
      { filePattern: '([' },
      "'governance.adrs.filePattern': '([' is not a regular expression",
    ],
    [
      { retrospective: { dueAfterMonths: 0 } },
      "'governance.adrs.retrospective.dueAfterMonths': 0 is not allowed",
    ],
    [
      { retrospective: { dueAfterMonths: 6, overdueAfterMonths: 6 } },
      'must be more than dueAfterMonths (6)',
    ],
    [
      { dateOrder: 'year-first' },
      "'governance.adrs.dateOrder': 'year-first' is not allowed, expected one of day-first, month-first",
    ],
  ])('names the key and what is allowed for %j', (adrs, message) => {
    expect(() =>
      readAdrPolicy(new ConfigReader({ governance: { adrs } })),
    ).toThrow(message);
  });
});
