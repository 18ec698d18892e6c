import {
  APPROVED_STACK_CHECK_ID,
  DEPENDENCIES_CHECK_ID,
} from '@catalog-governance/backstage-plugin-governance-common';

/** The checks the plugin builds itself: the tier policy's, dependencies and approved-stack. */
const BUILT_IN_CHECK_IDS = new Set([
  'availability',
  'p95-latency',
  'security-review',
  'coverage',
  DEPENDENCIES_CHECK_ID,
  APPROVED_STACK_CHECK_ID,
]);

/**
 * Whether the plugin builds the check itself (the tier policy's `testing-*` checks among them);
 * every other check is a custom one.
 */
export const isBuiltInCheck = (id: string) =>
  BUILT_IN_CHECK_IDS.has(id) || id.startsWith('testing-');
