import { Knex } from 'knex';
import { recordHistory } from './reviewRows';

/**
 * The actor the review history names when the ADR ingestion links an ADR.
 *
 * @internal
 */
export const ADR_INGESTION_ACTOR = 'plugin:governance/adr-ingestion';

/**
 * An ADR that names the review item it records (front matter `review: <id>`, written by the
 * `governance:adr:create` action), as ingested.
 *
 * @internal
 */
export interface RecordedAdr {
  reviewId: string;
  entityRef: string;
  adrId: string;
  /** `ADR 0007: Use Kafka`, for the history. */
  label: string;
}

/**
 * Links the ADR to its review item: the decision's ADR when the item is decided, else the
 * item's linked ADR. Only an item of the same entity is linked, so an ADR cannot attach itself
 * to another team's review; one already linked to this ADR is left as it is, so reading the
 * same file again records nothing. The history says `adr-recorded`.
 */
export async function linkRecordedAdr(
  db: Knex,
  adr: RecordedAdr,
  now: Date,
): Promise<'linked' | 'unchanged' | 'not-found'> {
  return db.transaction(async tx => {
    const item:
      | {
          entity_ref: string;
          version: number;
          decision: string | null;
          adr: string | null;
          decision_adr: string | null;
        }
      | undefined = await tx('review_items')
      .where({ id: adr.reviewId })
      .first('entity_ref', 'version', 'decision', 'adr', 'decision_adr');
    if (!item || item.entity_ref !== adr.entityRef) {
      return 'not-found';
    }
    if (item.adr === adr.adrId || item.decision_adr === adr.adrId) {
      return 'unchanged';
    }
    const [field, column] = item.decision
      ? (['decisionAdr', 'decision_adr'] as const)
      : (['adr', 'adr'] as const);
    const version = Number(item.version);
    const updated = await tx('review_items')
      .where({ id: adr.reviewId, version })
      .update({ [column]: adr.adrId, version: version + 1, updated_at: now });
    if (updated === 0) {
      // Changed by someone in between: the next reading links it.
      return 'unchanged';
    }
    await recordHistory(tx, {
      reviewId: adr.reviewId,
      actor: ADR_INGESTION_ACTOR,
      at: now,
      action: 'adr-recorded',
      changes: [
        { field, from: item[column], to: adr.adrId },
        { field: 'recordedAdr', from: null, to: adr.label },
      ],
    });
    return 'linked';
  });
}
