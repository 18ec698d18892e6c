import {
  GovernanceEscalation,
  GovernanceEscalationTrigger,
} from '@catalog-governance/backstage-plugin-governance-node';
import { DateTime } from 'luxon';

/**
 * A trigger raising one item per signal: `find` reads the signals as of `now`, `escalate`
 * words the item for one of them. Built-in triggers that need no more than a store read share
 * this shape.
 *
 * @internal
 */
export function signalTrigger<T>(options: {
  id: string;
  find: (now: Date) => Promise<T[]>;
  escalate: (signal: T) => GovernanceEscalation;
}): GovernanceEscalationTrigger {
  return {
    id: options.id,
    async evaluate({ now }) {
      return (await options.find(now)).map(options.escalate);
    },
  };
}

/** The start of the window a trigger looks back over, `lookBack` before `now`. */
export function lookBackFrom(now: Date, lookBack: { days: number }): Date {
  return DateTime.fromJSDate(now, { zone: 'utc' }).minus(lookBack).toJSDate();
}
