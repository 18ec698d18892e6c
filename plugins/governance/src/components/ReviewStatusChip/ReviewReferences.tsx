import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ReviewOrigin,
  reviewTriggerTitle,
} from '@catalog-governance/backstage-plugin-governance-common';
import { isWebUrl, useAdrHeading } from '../../hooks/useAdrHeading';
import { LinkButton } from '../LinkButton';

/** Props for {@link ReviewAdrLink}. */
export interface ReviewAdrLinkProps {
  /** An ADR id from the index, or a URL. */
  adr: string;
  /** Opens an ADR of the index; without it, the id is shown but not linked. */
  onOpenAdr?: (id: string) => void;
}

/**
 * An ADR a review or waiver refers to, by number and title: a URL opens as a link, an ADR of
 * the index in the ADR dialog.
 */
export function ReviewAdrLink(props: ReviewAdrLinkProps) {
  const { adr, onOpenAdr } = props;
  // Cited by number and title; the id only when the index does not know the ADR.
  const heading = useAdrHeading(adr);
  if (isWebUrl(adr)) {
    return <Link to={adr}>{adr}</Link>;
  }
  if (onOpenAdr) {
    return (
      <LinkButton onClick={() => onOpenAdr(adr)}>{heading ?? adr}</LinkButton>
    );
  }
  return heading ? <>{heading}</> : <code>{adr}</code>;
}

/** Props for {@link ReviewOriginText}. */
export interface ReviewOriginTextProps {
  origin: ReviewOrigin;
}

/**
 * Who asked for the review: the requester, or the escalation trigger that raised it, in words.
 * The trigger's cause key is for machines (it keeps a cause from raising two items); the item's
 * title and description say what the trigger saw.
 */
export function ReviewOriginText(props: ReviewOriginTextProps) {
  const { origin } = props;
  if (origin.type === 'user') {
    return (
      <span data-testid="governance-review-origin">
        Requested by <EntityRefLink entityRef={origin.requestedBy} />
      </span>
    );
  }
  return (
    <span data-testid="governance-review-origin">
      Raised by the escalation trigger “{reviewTriggerTitle(origin.triggerId)}”
    </span>
  );
}
