import {
  BUILT_IN_REVIEW_KINDS,
  ReviewKind,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useGovernanceAsync } from './useGovernanceAsync';

/**
 * The kinds of review the backend offers. Until they arrive, or when they cannot be read, the
 * built-in kinds stand in: lists still name every built-in kind, and others show their id.
 */
export function useReviewKinds(): { kinds: ReviewKind[]; loading: boolean } {
  const { value, loading } = useGovernanceAsync(api => api.getReviewSettings());
  return { kinds: value?.kinds ?? [...BUILT_IN_REVIEW_KINDS], loading };
}
