export interface Config {
  /** Configuration of the governance plugins. */
  governance?: {
    validation?: {
      /**
       * What the catalog does with a malformed governance annotation. `error` (default) reports
       * a processing error, which holds a new entity back and keeps the last good version of an
       * ingested one. `warn` logs it, ingests the entity, and the Governance tab shows a warning.
       * @visibility backend
       */
      mode?: 'error' | 'warn';
    };
    /**
     * Tier policies keyed by tier name (lowercase letters, digits, dashes). Keys of the
     * defaults `critical`, `core` and `supporting` override single targets; a new name adds a
     * tier and must set every target; `false` removes a tier.
     * @visibility backend
     */
    tiers?: {
      [name: string]:
        | false
        | {
            /** Human title of the tier, e.g. "Critical path". */
            title?: string;
            /** Lowest acceptable availability in percent, 0 to 100. */
            minAvailabilityPercent?: number;
            /** The p95 latency must stay below this many milliseconds. */
            maxP95LatencyMs?: number;
            securityReview?: {
              /** Months between security reviews. */
              everyMonths?: number;
              /** What kind of review, e.g. "penetration test". */
              kind?: string;
            };
            testing?: {
              /** Lowest acceptable test coverage in percent, 0 to 100. */
              minCoveragePercent?: number;
              /** Kinds of testing the tier requires: unit, integration, load. */
              requiredKinds?: Array<'unit' | 'integration' | 'load'>;
            };
          };
    };
    /**
     * How often the backend syncs entity tiers from the catalog (records when a tier was
     * first seen), as a Backstage duration object such as `{ minutes: 5 }`.
     * @visibility backend
     */
    tierSync?: {
      frequency?: { [unit: string]: number };
    };
  };
}
