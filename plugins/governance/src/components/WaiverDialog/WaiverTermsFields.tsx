import { latestWaiverExpiryDay } from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import { useWaiverMaxMonths } from '../../hooks/useWaiverMaxMonths';
import { addDays, endOfUtcDay, utcToday } from '../../lib/days';
import { waiverExpiryProblem } from '../../lib/waiverExpiry';
import { FormTextArea, FormTextField } from '../FormDialog';

/** How long a waiver lasts unless someone picks another day. */
const DEFAULT_WAIVER_DAYS = 30;

/**
 * The reason and expiry day of a waiver being granted or requested, with what is wrong with
 * them. Starts from `initial` (a request the council grants) or empty, expiring in 30 days.
 */
export function useWaiverTerms(
  initial: { reason?: string; expiresAt?: string } = {},
) {
  const [today] = useState(utcToday);
  const maxMonths = useWaiverMaxMonths();
  const [reason, setReason] = useState(initial.reason ?? '');
  const [expiryDay, setExpiryDay] = useState(
    () =>
      initial.expiresAt?.slice(0, 10) ?? addDays(today, DEFAULT_WAIVER_DAYS),
  );
  return {
    reason,
    setReason,
    expiryDay,
    setExpiryDay,
    today,
    maxMonths,
    problems: {
      reason: reason.trim() ? undefined : 'Give a reason for the waiver.',
      expiryDay: waiverExpiryProblem(expiryDay, today, maxMonths),
    },
    /** As the backend takes them: the waiver lasts through the whole chosen day, UTC. */
    toRequest: () => ({
      reason: reason.trim(),
      expiresAt: endOfUtcDay(expiryDay),
    }),
  };
}

/** Props for {@link WaiverTermsFields}. */
export interface WaiverTermsFieldsProps {
  /** Ties each label and message to its field for assistive technology. */
  idPrefix: string;
  terms: ReturnType<typeof useWaiverTerms>;
  /** The problems to show: those of `terms` once the user tried to submit. */
  shown: { reason?: string; expiryDay?: string };
  expiryLabel?: string;
  disabled?: boolean;
}

/** The reason and expiry fields every waiver form has. */
export function WaiverTermsFields(props: WaiverTermsFieldsProps) {
  const {
    idPrefix,
    terms,
    shown,
    expiryLabel = 'Expires on',
    disabled,
  } = props;
  return (
    <>
      <FormTextArea
        id={`${idPrefix}-reason`}
        label="Reason"
        value={terms.reason}
        onChange={terms.setReason}
        disabled={disabled}
        problem={shown.reason}
        hint="Why the check may fail for now, and what will fix it."
      />
      <FormTextField
        id={`${idPrefix}-expires`}
        label={expiryLabel}
        type="date"
        value={terms.expiryDay}
        onChange={e => terms.setExpiryDay(e.target.value)}
        required
        disabled={disabled}
        InputLabelProps={{ shrink: true }}
        inputProps={{
          min: addDays(terms.today, 1),
          max: latestWaiverExpiryDay(terms.today, terms.maxMonths),
        }}
        problem={shown.expiryDay}
        hint="The waiver ends at the end of this day, UTC."
      />
    </>
  );
}
