import { LoggerService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { ReviewKind } from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { parseStrictEntityRef } from '../catalog/entityRefs';
import { ReviewService } from './ReviewService';
import { scheduledJob } from '../scheduledJob';

/**
 * Runs every escalation trigger and raises an item for each cause not raised before; for a
 * trigger with `onCauseCleared`, closes or marks the open items whose cause it no longer sees. Called
 * from one scheduled task, so one replica runs it per tick; if two ever run at once, the
 * unique cause key still lets only one item in. A failing trigger, or a failing escalation, is
 * logged and the others run.
 *
 * @internal
 */
export class EscalationRunner {
  constructor(
    private readonly deps: {
      triggers: GovernanceEscalationTrigger[];
      reviews: ReviewService;
      kinds: ReviewKind[];
      logger: LoggerService;
    },
  ) {}

  /** Runs the triggers on the schedule, on one replica per tick. */
  readonly schedule = scheduledJob('governance-escalation-triggers', () =>
    this.run(),
  );

  /** Returns how many items were raised. */
  async run(now = new Date()): Promise<number> {
    const { triggers, reviews, kinds, logger } = this.deps;
    const started = Date.now();
    let raised = 0;
    let failed = 0;
    let cleared = 0;
    for (const trigger of triggers) {
      try {
        const escalations = await trigger.evaluate({
          logger: logger.child({ trigger: trigger.id }),
          now,
        });
        for (const escalation of escalations) {
          if (!kinds.some(k => k.id === escalation.kind)) {
            logger.warn(
              `Escalation trigger ${trigger.id} gave the unknown review kind '${
                escalation.kind
              }' for ${escalation.entityRef}; kinds are ${kinds
                .map(k => k.id)
                .join(', ')}`,
            );
            continue;
          }
          let entityRef: string;
          try {
            entityRef = parseStrictEntityRef(escalation.entityRef);
          } catch {
            logger.warn(
              `Escalation trigger ${trigger.id} gave the malformed entity ref '${escalation.entityRef}'`,
            );
            continue;
          }
          // One failing escalation must not cost the others of the run. Its cause is not
          // recorded as raised, so the trigger gives it again on its next run.
          try {
            if (
              await reviews.escalate(trigger.id, { ...escalation, entityRef })
            ) {
              raised += 1;
            }
          } catch (error) {
            failed += 1;
            logger.error(
              `Escalation trigger ${trigger.id} could not raise '${escalation.causeKey}' for ${entityRef}; it is tried again on the next run`,
              toError(error),
            );
          }
        }
        // Only after a run that succeeded: a failing trigger says nothing about its causes.
        if (trigger.onCauseCleared) {
          cleared += await reviews.clearCauses(
            trigger.id,
            trigger.onCauseCleared,
            new Set(escalations.map(e => e.causeKey)),
            now,
          );
        }
      } catch (error) {
        logger.error(`Escalation trigger ${trigger.id} failed`, toError(error));
      }
    }
    logger.info(
      `Escalation triggers ran (${triggers.length}) in ${
        Date.now() - started
      } ms, ${raised} new review items${
        cleared ? `, ${cleared} with their cause cleared` : ''
      }${failed ? `, ${failed} failed` : ''}`,
    );
    return raised;
  }
}
