import { NewReviewItem } from '../database/ReviewStore';
import { JANE } from './users';

/**
 * A design review of payments that Jane requested, as a store test creates it; `over` sets what
 * the test is about (its kind, its title, a waiver request).
 */
export const paymentsReviewItem = (
  over: Partial<NewReviewItem> = {},
): NewReviewItem => ({
  entityRef: 'component:default/payments',
  kind: 'design-review',
  title: 'Split the ledger out',
  description: 'Ledger writes dominate latency.',
  priority: 'medium',
  requestedBy: JANE,
  ...over,
});
