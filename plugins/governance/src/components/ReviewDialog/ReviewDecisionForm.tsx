import { usePermission } from '@backstage/plugin-permission-react';
import {
  governanceWaiverCreatePermission,
  GrantWaiverRequest,
  REVIEW_DECISIONS,
  REVIEW_TRANSITIONS,
  ReviewDecisionOutcome,
  ReviewItem,
  TradeOffOption,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import {
  FormDialog,
  FormSelectField,
  FormTextArea,
  useFormSubmission,
} from '../FormDialog';
import { REVIEW_DECISION_ACTIONS } from '../ReviewStatusChip';
import {
  useWaiverTerms,
  WaiverTermsFields,
} from '../WaiverDialog/WaiverTermsFields';
import { AdrReferenceField } from './AdrReferenceField';
import { ReviewChange } from './ReviewTriageForm';

/**
 * The decisions the item's status allows, in the order the council weighs them. A waiver
 * request is approved only by granting its waiver, which the form offers on its own.
 */
export function allowedDecisions(item: ReviewItem): ReviewDecisionOutcome[] {
  return REVIEW_DECISIONS.filter(
    decision =>
      REVIEW_TRANSITIONS[item.status].includes(decision) &&
      !(item.waiverRequest && decision === 'approved'),
  );
}

/** Whether the item is a waiver request its status still lets the council grant. */
export function isGrantable(item: ReviewItem): boolean {
  return (
    !!item.waiverRequest && REVIEW_TRANSITIONS[item.status].includes('approved')
  );
}

/** The council's grant of a waiver request, without the version the dialog adds. */
export type WaiverGrant = Omit<GrantWaiverRequest, 'version'>;

const GRANT = 'grant';
type Choice = ReviewDecisionOutcome | typeof GRANT | '';

/** Props for {@link ReviewDecisionForm}. */
export interface ReviewDecisionFormProps {
  item: ReviewItem;
  /** A design review's trade-off options: the decision may record which one it chose. */
  tradeOffOptions?: TradeOffOption[];
  busy: boolean;
  /** Sends the decision; resolves to whether it was recorded. */
  onDecide: (change: ReviewChange) => Promise<boolean>;
  /** Grants a waiver request's waiver; resolves to whether it was granted. */
  onGrant: (grant: WaiverGrant) => Promise<boolean>;
}

/**
 * The council's decision on an item: approve, reject or request changes, always with a
 * rationale, and optionally the ADR that records it. On a waiver request "Grant waiver" takes
 * the approval's place (for those who may grant waivers), starting from what was requested.
 */
export function ReviewDecisionForm(props: ReviewDecisionFormProps) {
  const { item, tradeOffOptions = [], busy, onDecide, onGrant } = props;
  const [chosenOption, setChosenOption] = useState('');
  const { allowed: canGrantWaivers } = usePermission({
    permission: governanceWaiverCreatePermission,
  });
  const decisions = allowedDecisions(item);
  const [decision, setDecision] = useState<Choice>('');
  const [rationale, setRationale] = useState('');
  // A waiver request's ADR is where the grant starts from; other decisions name their own.
  const [adr, setAdr] = useState(item.waiverRequest ? item.adr ?? '' : '');
  const terms = useWaiverTerms({
    reason: item.description,
    expiresAt: item.waiverRequest?.expiresAt,
  });
  const granting = decision === GRANT;
  // The dialog shows why a decision was not recorded; this form only keeps what was entered.
  const { shown, submit } = useFormSubmission({
    problems: {
      decision: decision ? undefined : 'Choose a decision.',
      rationale: rationale.trim()
        ? undefined
        : 'Explain the decision: the requester and later readers rely on it.',
      ...(granting ? terms.problems : {}),
    },
    send: () =>
      granting
        ? onGrant({
            ...terms.toRequest(),
            rationale: rationale.trim(),
            adr: adr.trim() || undefined,
          })
        : onDecide({
            status: decision as ReviewDecisionOutcome,
            rationale: rationale.trim(),
            decisionAdr: adr.trim() || undefined,
            chosenOption: chosenOption || undefined,
          }),
  });

  const idPrefix = `governance-review-decision-${item.id}`;
  const label = (value: ReviewDecisionOutcome) =>
    item.waiverRequest && value === 'rejected'
      ? 'Decline the request'
      : REVIEW_DECISION_ACTIONS[value];
  return (
    <FormDialog
      inline
      title="Decide"
      submitLabel={granting ? 'Grant waiver' : 'Record decision'}
      busy={busy}
      onSubmit={submit}
    >
      <FormSelectField
        id={`${idPrefix}-outcome`}
        label="Decision"
        value={decision}
        onChange={setDecision}
        options={decisions}
        optionLabel={label}
        margin="dense"
        InputLabelProps={{ shrink: true }}
        problem={shown.decision}
      >
        <option value="" disabled>
          Choose…
        </option>
        {isGrantable(item) && canGrantWaivers && (
          <option value={GRANT}>Grant waiver</option>
        )}
      </FormSelectField>
      {granting && (
        <WaiverTermsFields
          idPrefix={`${idPrefix}-waiver`}
          terms={terms}
          shown={shown}
          disabled={busy}
        />
      )}
      <FormTextArea
        id={`${idPrefix}-rationale`}
        label="Rationale"
        value={rationale}
        onChange={setRationale}
        problem={shown.rationale}
        hint="Why the council decided so; shown with the item."
      />
      {tradeOffOptions.length > 0 && !granting && (
        <FormSelectField
          id={`${idPrefix}-chosen-option`}
          label="Chosen option"
          value={chosenOption}
          onChange={setChosenOption}
          options={tradeOffOptions.map(option => option.id)}
          optionLabel={id => tradeOffOptions.find(o => o.id === id)?.title}
          margin="dense"
          InputLabelProps={{ shrink: true }}
          hint="The trade-off matrix option the decision picks; the ADR and the retrospective compare against it."
        >
          <option value="">None</option>
        </FormSelectField>
      )}
      <AdrReferenceField
        id={`${idPrefix}-adr`}
        label="Decision ADR"
        entityRef={item.entityRef}
        value={adr}
        onChange={setAdr}
        disabled={busy}
      />
    </FormDialog>
  );
}
