import { RetrospectiveOutcome } from '@catalog-governance/backstage-plugin-governance-common';

/** Each outcome in words, for the form and the lists. */
export const RETROSPECTIVE_OUTCOME_LABELS: Record<
  RetrospectiveOutcome,
  string
> = {
  validated: 'Validated',
  'partly-validated': 'Partly validated',
  reversed: 'Reversed',
};

/** What choosing each outcome says. */
export const RETROSPECTIVE_OUTCOME_HINTS: Record<RetrospectiveOutcome, string> =
  {
    validated: 'Validated: the decision did what it set out to do',
    'partly-validated': 'Partly validated: some of it held, some did not',
    reversed: 'Reversed: the decision was taken back',
  };
