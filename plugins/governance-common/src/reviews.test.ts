import { ConfigReader } from '@backstage/config';
import {
  isReviewClosed,
  isReviewDecision,
  readReviewKinds,
  REVIEW_STATUSES,
  REVIEW_TRANSITIONS,
} from './reviews';

describe('review rules', () => {
  it('closes approved, rejected, withdrawn and resolved items for good, and lets every open one be withdrawn', () => {
    expect(REVIEW_STATUSES.filter(isReviewClosed)).toEqual([
      'approved',
      'rejected',
      'withdrawn',
      'resolved',
    ]);
    for (const status of REVIEW_STATUSES.filter(s => !isReviewClosed(s))) {
      expect(REVIEW_TRANSITIONS[status]).toContain('withdrawn');
    }
    // Changes requested goes back to review before anyone decides again (or closes as resolved
    // once its cause has cleared).
    expect(REVIEW_TRANSITIONS['changes-requested']).toEqual([
      'in-review',
      'withdrawn',
      'resolved',
    ]);
    expect(REVIEW_STATUSES.filter(isReviewDecision)).toEqual([
      'changes-requested',
      'approved',
      'rejected',
    ]);
  });

  it('adds configured review kinds to the built-in ones and refuses bad or repeated ids', () => {
    const kinds = readReviewKinds(
      new ConfigReader({
        governance: {
          reviews: { kinds: [{ id: 'data-review', title: 'Data review' }] },
        },
      }),
    );
    expect(kinds.map(k => k.id)).toEqual([
      'design-review',
      'adr-review',
      'nfr-escalation',
      'tier-change',
      'retrospective',
      'waiver-request',
      'stack-exception',
      'data-review',
    ]);
    expect(() =>
      readReviewKinds(
        new ConfigReader({
          governance: { reviews: { kinds: [{ id: 'Data Review' }] } },
        }),
      ),
    ).toThrow(
      "Invalid config at 'governance.reviews.kinds[0].id': 'Data Review' is not allowed",
    );
    expect(() =>
      readReviewKinds(
        new ConfigReader({
          governance: { reviews: { kinds: [{ id: 'tier-change' }] } },
        }),
      ),
    ).toThrow("the review kind 'tier-change' is already defined");
  });
});
