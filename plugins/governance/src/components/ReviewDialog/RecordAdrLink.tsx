import { Link } from '@backstage/core-components';
import {
  ReviewItemDetail,
  tradeOffMarkdown,
  TradeOffMatrix,
} from '@catalog-governance/backstage-plugin-governance-common';

/**
 * The example app's `record-adr` template (examples/templates/record-adr), at the path the
 * scaffolder serves templates under. An app with its own template offers it under this name.
 */
export const RECORD_ADR_TEMPLATE_PATH = '/create/templates/default/record-adr';

/**
 * The template's form, prefilled from the review item. The review id goes into the new ADR's
 * front matter, and the backend links the item to the ADR once it reads the file.
 */
export function recordAdrUrl(
  item: ReviewItemDetail,
  tradeOff?: TradeOffMatrix,
): string {
  const formData = {
    entityRef: item.entityRef,
    title: item.title,
    review: item.id,
    ...(item.decision?.rationale && {
      decision: decisionText(item, tradeOff),
    }),
    ...(tradeOff?.options.length && {
      options: tradeOff.options.map(o => o.title),
    }),
  };
  return `${RECORD_ADR_TEMPLATE_PATH}?formData=${encodeURIComponent(
    JSON.stringify(formData),
  )}`;
}

/**
 * The ADR's decision outcome: the chosen option in MADR's words, the rationale, and the
 * trade-off matrix as a table, so the ADR keeps what was weighed.
 */
function decisionText(
  item: ReviewItemDetail,
  tradeOff?: TradeOffMatrix,
): string {
  const rationale = item.decision?.rationale ?? '';
  if (!tradeOff || tradeOff.options.length === 0) {
    return rationale;
  }
  const chosen = tradeOff.options.find(
    o => o.id === item.decision?.chosenOption,
  );
  return [
    chosen
      ? `Chosen option: "${chosen.title}", because ${rationale}`
      : rationale,
    '',
    tradeOffMarkdown(tradeOff, chosen?.id),
  ].join('\n');
}

/** "Record this decision as an ADR": shown while the item links no ADR. */
export function RecordAdrLink(props: {
  item: ReviewItemDetail;
  tradeOff?: TradeOffMatrix;
}) {
  const { item, tradeOff } = props;
  if (item.adr || item.decision?.adr) {
    return null;
  }
  return (
    <>
      <dt>ADR</dt>
      <dd>
        <Link
          to={recordAdrUrl(item, tradeOff)}
          data-testid="governance-review-record-adr"
        >
          Record this decision as an ADR
        </Link>
      </dd>
    </>
  );
}
