import { mockServices } from '@backstage/backend-test-utils';
import { ScorecardStore } from '../database/ScorecardStore';
import { ScorecardHistoryRetention } from './ScorecardHistoryRetention';

describe('ScorecardHistoryRetention', () => {
  it('forgets history older than the retention in whole days, across a daylight saving change', async () => {
    const pruneHistory = jest.fn(async () => 7);
    const retention = new ScorecardHistoryRetention({
      store: { pruneHistory } as unknown as ScorecardStore,
      logger: mockServices.logger.mock(),
      retentionDays: 30,
    });
    // Europe and the US leave summer time between the cutoff and now.
    const now = new Date('2026-11-25T12:00:00.000Z');
    expect(await retention.prune(now)).toBe(7);
    expect(pruneHistory).toHaveBeenCalledWith(
      new Date('2026-10-26T12:00:00.000Z'),
    );
  });
});
