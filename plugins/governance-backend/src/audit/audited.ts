import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import express from 'express';

/**
 * Runs a change and records it with Backstage's auditor, as done or failed. Without a request
 * (scheduled work, actions) the event names no caller.
 *
 * @internal
 */
export async function audited<T>(
  auditor: AuditorService,
  req: express.Request | undefined,
  eventId: string,
  meta: JsonObject,
  change: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    request: req,
    severityLevel: 'medium',
    meta,
  });
  try {
    const result = await change();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
