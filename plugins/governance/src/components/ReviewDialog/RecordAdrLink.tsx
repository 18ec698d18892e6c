import { Link } from '@backstage/core-components';
import { ReviewItemDetail } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * The example app's `record-adr` template (examples/templates/record-adr), at the path the
 * scaffolder serves templates under. An app with its own template offers it under this name.
 */
export const RECORD_ADR_TEMPLATE_PATH = '/create/templates/default/record-adr';

/**
 * The template's form, prefilled from the review item. The review id goes into the new ADR's
 * front matter, and the backend links the item to the ADR once it reads the file.
 */
export function recordAdrUrl(item: ReviewItemDetail): string {
  const formData = {
    entityRef: item.entityRef,
    title: item.title,
    review: item.id,
    ...(item.decision?.rationale && { decision: item.decision.rationale }),
  };
  return `${RECORD_ADR_TEMPLATE_PATH}?formData=${encodeURIComponent(
    JSON.stringify(formData),
  )}`;
}

/** "Record this decision as an ADR": shown while the item links no ADR. */
export function RecordAdrLink(props: { item: ReviewItemDetail }) {
  const { item } = props;
  if (item.adr || item.decision?.adr) {
    return null;
  }
  return (
    <>
      <dt>ADR</dt>
      <dd>
        <Link
          to={recordAdrUrl(item)}
          data-testid="governance-review-record-adr"
        >
          Record this decision as an ADR
        </Link>
      </dd>
    </>
  );
}
