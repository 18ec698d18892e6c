import {
  ReviewDecisionOutcome,
  ReviewKind,
  ReviewPriority,
  ReviewStatus,
} from '@catalog-governance/backstage-plugin-governance-common';

/** Each status in words. */
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  open: 'Open',
  'in-review': 'In review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  resolved: 'Resolved',
};

/** Each priority in words. */
export const REVIEW_PRIORITY_LABELS: Record<ReviewPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** What the council does to reach each decision, as the decision form offers it. */
export const REVIEW_DECISION_ACTIONS: Record<ReviewDecisionOutcome, string> = {
  approved: 'Approve',
  rejected: 'Reject',
  'changes-requested': 'Request changes',
};

/** The kind's title from the settings, or its id for a kind the settings do not know. */
export function reviewKindTitle(kinds: ReviewKind[], id: string): string {
  return kinds.find(kind => kind.id === id)?.title ?? id;
}
