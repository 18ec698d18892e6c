import { readWaiverRequest } from './readWaiverRequest';

const NOW = new Date('2026-12-06T10:00:00Z');
const body = (expiresAt: string) => ({
  entityRef: 'component:default/payments',
  checkId: 'coverage',
  reason: 'Rewrite under way',
  expiresAt,
});

describe('readWaiverRequest', () => {
  it('words an expiry beyond the configured maximum in days and months, not instants', () => {
    expect(() =>
      readWaiverRequest(body('2027-12-07T23:59:59.999Z'), NOW),
    ).toThrow(
      'Invalid waiver: expiresAt 2027-12-07 is too far out: a waiver lasts at most 12 months from today, until 2027-12-06 at the latest',
    );
    expect(() =>
      readWaiverRequest(body('2027-03-07T23:59:59.999Z'), NOW, 3),
    ).toThrow('a waiver lasts at most 3 months from today, until 2027-03-06');
    expect(() =>
      readWaiverRequest(body('2026-12-05T23:59:59.999Z'), NOW),
    ).toThrow(
      'expiresAt 2026-12-05 is not in the future: a waiver expires after today',
    );
  });

  it('accepts the last day the maximum allows', () => {
    expect(
      readWaiverRequest(body('2027-12-06T23:59:59.999Z'), NOW).expiresAt,
    ).toBe('2027-12-06T23:59:59.999Z');
  });
});
