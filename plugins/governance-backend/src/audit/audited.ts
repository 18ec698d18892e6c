import {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/**
 * Who asked for a change, for the audit log: the HTTP request when there is one. Domain code
 * passes it through without reading it, so it needs no HTTP types of its own.
 *
 * @internal
 */
export interface AuditContext {
  request?: AuditorServiceCreateEventOptions['request'];
}

/**
 * Runs a change and records it with Backstage's auditor, as done or failed. Without a request
 * (scheduled work, actions) the event names no caller.
 *
 * @internal
 */
export async function audited<T>(
  auditor: AuditorService,
  context: AuditContext | undefined,
  eventId: string,
  meta: JsonObject,
  change: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    request: context?.request,
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
