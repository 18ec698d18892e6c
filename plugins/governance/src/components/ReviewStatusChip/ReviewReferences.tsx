import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ReviewOrigin } from '@catalog-governance/backstage-plugin-governance-common';
import { LinkButton } from '../LinkButton';

function isWebUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** Props for {@link ReviewAdrLink}. */
export interface ReviewAdrLinkProps {
  /** An ADR id from the index, or a URL. */
  adr: string;
  /** Opens an ADR of the index; without it, the id is shown but not linked. */
  onOpenAdr?: (id: string) => void;
}

/** An ADR a review refers to: a URL opens as a link, an ADR id in the ADR dialog. */
export function ReviewAdrLink(props: ReviewAdrLinkProps) {
  const { adr, onOpenAdr } = props;
  if (isWebUrl(adr)) {
    return <Link to={adr}>{adr}</Link>;
  }
  if (onOpenAdr) {
    return <LinkButton onClick={() => onOpenAdr(adr)}>{adr}</LinkButton>;
  }
  return <code>{adr}</code>;
}

/** Props for {@link ReviewOriginText}. */
export interface ReviewOriginTextProps {
  origin: ReviewOrigin;
  /** Also names what the trigger saw, for readers who need to trace it. */
  showCause?: boolean;
}

/** Who asked for the review: the requester, or the escalation trigger that raised it. */
export function ReviewOriginText(props: ReviewOriginTextProps) {
  const { origin, showCause = false } = props;
  if (origin.type === 'user') {
    return (
      <span data-testid="governance-review-origin">
        Requested by <EntityRefLink entityRef={origin.requestedBy} />
      </span>
    );
  }
  return (
    <span data-testid="governance-review-origin">
      Raised by trigger <code>{origin.triggerId}</code>
      {showCause && (
        <>
          {' '}
          (cause <code>{origin.causeKey}</code>)
        </>
      )}
    </span>
  );
}
