/** How a standard is enforced (`governance.standards[].enforcement`). */
type StandardEnforcement =
  | 'lint'
  | 'code-review'
  | 'ci-gate'
  | 'static-analysis'
  | 'manual-review'
  | 'design-review';

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
            /**
             * The maturity level (a name from `governance.levels`) the tier requires, or `false`
             * for none. Defaults: critical `gold`, core `silver`, supporting `bronze`; an added
             * tier requires none. An entity below it for longer than the
             * `belowRequiredLevel` trigger's grace period escalates.
             */
            requiredLevel?: string | false;
          };
    };
    /**
     * Maturity levels, lowest first; each level includes the checks of the levels below it.
     * An entity's level is the highest one whose checks all pass, warn or are waived; a check
     * its tier does not run does not count against it. Default: `bronze` (coverage,
     * `testing-*`), `silver` (security-review, availability), `gold` (p95-latency). Check ids
     * are the built-in ones (availability, p95-latency, security-review, coverage,
     * testing-unit, testing-integration, testing-load, or `testing-*` for each testing kind,
     * dependencies-meet-tier)
     * or those of custom checks. At most 20 levels; an unknown check id, a level named twice
     * or a tier requiring an unknown level fails start-up.
     * Read by the frontend too (names and titles order the level badges), hence deep visibility.
     * @deepVisibility frontend
     */
    levels?: Array<{
      /** Lowercase letters, digits and dashes, starting with a letter, e.g. `silver`. */
      name: string;
      /** Shown in the UI; the name when absent. */
      title?: string;
      /** The check ids this level adds to the ones below it. */
      checks: string[];
    }>;
    /**
     * Standards as code, after the article's table: each standard names how it is enforced,
     * how often it is reviewed, the share of its check results that should come from measured
     * evidence, and the checks that count towards it. The Standards tab shows each one's
     * compliance and measured automation against the target. Default: coding standards
     * (`lint-*`, 90), testing requirements (coverage, `testing-*`, 70-80), security policies
     * (security-review, 60-70), architecture patterns (dependencies-meet-tier, approved-stack,
     * availability, p95-latency, 30-40). A check no standard covers is listed as unmapped. At
     * most 50; a bad value, an unknown check id or an id used twice fails start-up.
     * @visibility backend
     */
    standards?: Array<{
      /** Lowercase letters, digits and dashes, starting with a letter, e.g. `testing-requirements`. */
      id: string;
      /** Shown in the UI; the id when absent. */
      title?: string;
      /** What kind of standard it is, e.g. `testing`; `other` when absent. */
      type?: string;
      /** lint, code-review, ci-gate, static-analysis, manual-review or design-review; one or a list. */
      enforcement: StandardEnforcement | StandardEnforcement[];
      /** per-commit, per-pr, per-deployment, daily, weekly, monthly, quarterly or yearly. */
      reviewFrequency: string;
      /** The target share of automated results in percent: a number (90) or a range ("70-80"). */
      targetAutomation: number | string;
      /** Check ids, or prefixes ending in `*` such as `testing-*`. */
      checks: string[];
    }>;
    /**
     * Facts the scorecard reads, keyed by fact name. Built-in facts (availability,
     * p95LatencyMs, coverage, lastSecurityReview, testingKinds) accept `staleAfterDays`; a new
     * name adds a custom fact that the facts API accepts, and must set `type`.
     * @visibility backend
     */
    facts?: {
      [name: string]: {
        /** number, boolean, date (YYYY-MM-DD) or string-list. */
        type?: 'number' | 'boolean' | 'date' | 'string-list';
        description?: string;
        /** Unit shown next to values, e.g. "%" or "ms". */
        unit?: string;
        /** Inclusive lower bound for number facts. */
        min?: number;
        /** Inclusive upper bound for number facts. */
        max?: number;
        /** Allowed items of a string-list fact. */
        allowedValues?: string[];
        /** A measurement older than this many days is stale: its check shows unknown. */
        staleAfterDays?: number;
      };
    };
    scorecard?: {
      /**
       * A passing value within this percentage of its threshold shows as warn (default 5). For
       * availability the margin is a share of the error budget. 0 to 50.
       * @visibility backend
       */
      warnMarginPercent?: number;
      /**
       * How often every governed entity is re-evaluated (default { minutes: 10 }), as a
       * Backstage duration object. Runs once across replicas.
       * @visibility backend
       */
      frequency?: { [unit: string]: number };
      /**
       * How long one scheduled evaluation may run (default 15 minutes); after that, or after
       * the replica running it died, another replica takes the next tick.
       * @visibility backend
       */
      timeout?: { [unit: string]: number } | string;
      /**
       * How long after start-up the first scheduled evaluation waits (default 30 seconds), as a
       * Backstage duration object; lets the catalog settle after a deploy.
       * @visibility backend
       */
      initialDelay?: { [unit: string]: number };
      /**
       * Days of scorecard history kept (default 365). Older changes are pruned after each
       * scheduled evaluation, except the latest change of each check.
       * @visibility backend
       */
      historyRetentionDays?: number;
      /**
       * How long scheduled evaluations may go on reading only the entities that may have
       * changed (a new catalog etag, new facts or waivers, a verdict due to expire) before one
       * reads every governed entity in full again (default { days: 1 }), as a Backstage
       * duration object. The full read is the safety net for changes the others cannot see.
       * @visibility backend
       */
      fullReadInterval?: { [unit: string]: number } | string;
      /**
       * Days a measured fact is kept after it was observed (default 365). Older facts are
       * deleted before each scheduled evaluation, as are the facts of entities that have left
       * the catalog. Keep it longer than the longest `staleAfterDays`, or a stale fact turns
       * into a missing one.
       * @visibility backend
       */
      factRetentionDays?: number;
      /**
       * How many sources one entity's fact keeps at most (default 10): the most recently
       * observed. A source is who measured it and who pushed it, so a writer inventing source
       * names cannot grow the table without bound.
       * @visibility backend
       */
      maxSourcesPerFact?: number;
    };
    /**
     * How often the backend syncs entity tiers from the catalog (records when a tier was
     * first seen) and scans the catalog for invalid governance annotations (the Architecture
     * Council page's Catalog annotations tab), as a Backstage duration object such as
     * `{ minutes: 5 }` or an ISO 8601 duration such as `PT5M`.
     * @visibility backend
     */
    tierSync?: {
      frequency?: { [unit: string]: number } | string;
    };
    /**
     * How often the standards' compliance and automation counts are recorded for the Standards
     * tab's trend (the day's last run is kept), as a Backstage duration object such as
     * `{ hours: 1 }` or an ISO 8601 duration such as `PT1H`. Default `{ hours: 1 }`.
     * @visibility backend
     */
    standardsSnapshot?: {
      frequency?: { [unit: string]: number } | string;
    };
    /**
     * How often campaigns record the day's progress per owner and send the notifications that
     * are due (the day's last run is kept), as a duration such as `{ hours: 1 }`. Default
     * `{ hours: 1 }`.
     * @visibility backend
     */
    campaigns?: {
      frequency?: { [unit: string]: number };
    };
    /**
     * ADRs: how they are found, read and reviewed.
     * @visibility backend
     */
    council?: {
      /**
       * Entity ref of the group whose members are the architecture council, e.g.
       * `group:default/architecture-council`. `createGovernanceCouncilPolicy` allows the
       * council's permissions (triage, decide, waivers) to its direct members only; triggers
       * notify it of new escalations.
       * @visibility frontend
       */
      group?: string;
    };
    /**
     * Who may push facts (`POST /api/governance/facts`) as a user. Service principals
     * (external-access tokens such as a CI token, other backend plugins) may push when their
     * access restrictions allow `governance.fact.write`.
     * @visibility backend
     */
    factWriters?: {
      /**
       * Entity ref of the group whose direct members may push facts as themselves, e.g.
       * `group:default/platform`; they also need the `governance.fact.write` permission.
       * Without it no user may push facts. A pushed fact's source records who pushed it.
       * @visibility backend
       */
      group?: string;
    };
    reviews?: {
      /**
       * Review kinds on top of the built-in design-review, adr-review, nfr-escalation,
       * tier-change and retrospective.
       * @visibility backend
       */
      kinds?: Array<{
        /** Lower-case letters, digits and dashes. */
        id: string;
        /** Shown in forms and lists; the id when absent. */
        title?: string;
      }>;
      /**
       * The criteria a design review's trade-off matrix starts with (default: cost, time and
       * risk, each weighted 1); the council adds or removes criteria on each item. Options
       * are scored 1 (worst) to 5 (best) on every criterion and ranked by the weighted mean.
       * At most 10 criteria; a bad id or a weight outside 0 to 10 fails start-up.
       * @visibility backend
       */
      tradeOffCriteria?: Array<{
        /** Lower-case letters, digits and dashes, unique. */
        id: string;
        /** Shown as the column's title; the id when absent. */
        title?: string;
        /** A whole number from 0 (does not count) to 10; 1 when absent. */
        weight?: number;
      }>;
      /**
       * Escalation triggers: scheduled checks that raise review items by themselves, once per
       * cause. Each can be switched off with `enabled: false`.
       * @visibility backend
       */
      triggers?: {
        /**
         * How often the triggers run (default every 5 minutes), e.g. `{ minutes: 5 }` or an ISO
         * 8601 duration such as `PT5M`.
         */
        frequency?: { [unit: string]: number } | string;
        /** Delay before the first run after start-up (default 45 seconds). */
        initialDelay?: { [unit: string]: number } | string;
        /**
         * An entity of the listed tiers failing a check for longer than the grace period; clears
         * when the check passes again or the entity leaves the watched tiers.
         */
        failingCheck?: {
          enabled?: boolean;
          /** Tiers watched (default `[critical]`). */
          tiers?: string[];
          /** How long a check may fail before it escalates (default 24 hours), e.g. `PT4H`. */
          gracePeriod?: { [unit: string]: number } | string;
          /**
           * What becomes of an open item once its cause clears: `close` (the default)
           * resolves it as *resolved: cause cleared*; `mark` marks it *cause cleared* for the
           * council to close. Either way the item's history records it and its assignee (the
           * council when unassigned) is notified.
           */
          onCauseCleared?: 'close' | 'mark';
        };
        /** A security review overdue for the entity's tier cadence; clears once one is recorded. */
        securityReviewOverdue?: {
          enabled?: boolean;
          /**
           * What becomes of an open item once its cause clears: `close` (the default)
           * resolves it as *resolved: cause cleared*; `mark` marks it *cause cleared* for the
           * council to close. Either way the item's history records it and its assignee (the
           * council when unassigned) is notified.
           */
          onCauseCleared?: 'close' | 'mark';
        };
        /** A tier change seen in the catalog, from one tier to another. */
        tierChange?: { enabled?: boolean };
        /** An accepted ADR whose retrospective is overdue; clears once one is recorded. */
        retrospectiveOverdue?: {
          enabled?: boolean;
          /**
           * What becomes of an open item once its cause clears: `close` (the default)
           * resolves it as *resolved: cause cleared*; `mark` marks it *cause cleared* for the
           * council to close. Either way the item's history records it and its assignee (the
           * council when unassigned) is notified.
           */
          onCauseCleared?: 'close' | 'mark';
        };
        /**
         * An entity below the maturity level its tier requires (`governance.tiers.<tier>.requiredLevel`)
         * for longer than the grace period: one review item per entity and stretch below;
         * clears when the entity reaches the level or its tier requires none.
         */
        belowRequiredLevel?: {
          enabled?: boolean;
          /** How long an entity may stay below before it escalates (default 14 days, `P14D`). */
          gracePeriod?: { [unit: string]: number } | string;
          /**
           * What becomes of an open item once its cause clears: `close` (the default)
           * resolves it as *resolved: cause cleared*; `mark` marks it *cause cleared* for the
           * council to close.
           */
          onCauseCleared?: 'close' | 'mark';
        };
        /** A waiver that expired while its check is failing. */
        expiredWaiver?: { enabled?: boolean };
        /**
         * An entity using a technology that is not on the approved-stack radar and that no
         * accepted ADR of the entity names: one `stack-exception` item per entity and
         * technology. Clears when the radar takes it in, the entity stops using it, or an
         * accepted ADR names it. Runs only with `governance.stack.radar` set.
         */
        stackException?: {
          enabled?: boolean;
          /**
           * What becomes of an open item once its cause clears: `close` (the default)
           * resolves it as *resolved: cause cleared*; `mark` marks it *cause cleared* for the
           * council to close.
           */
          onCauseCleared?: 'close' | 'mark';
        };
        /**
         * An entity starting to depend (spec.dependsOn, spec.consumesApis) on something owned
         * by another team. The first run records existing dependencies without raising items.
         */
        crossTeamDependency?: { enabled?: boolean };
        /**
         * An ADR whose declared scope is beyond its owning team's decision scope; clears when
         * the ADR is no longer proposed or accepted, or the team grows into the scope.
         */
        decisionOutsideScope?: {
          enabled?: boolean;
          /**
           * What becomes of an open item once its cause clears: `close` (the default)
           * resolves it as *resolved: cause cleared*; `mark` marks it *cause cleared* for the
           * council to close. Either way the item's history records it and its assignee (the
           * council when unassigned) is notified.
           */
          onCauseCleared?: 'close' | 'mark';
        };
      };
    };
    waivers?: {
      /**
       * How many whole months ahead a waiver may expire (default 12, from 1 to 60). Forms and
       * the API's 400 say it as "at most 12 months from today".
       * @visibility frontend
       */
      maxMonths?: number;
    };
    stack?: {
      /**
       * The approved stack's radar, in Backstage tech-radar data (`TechRadarLoaderResponse`:
       * quadrants, rings adopt/trial/assess/hold, entries with a timeline). Set one of `url`,
       * `file` or `entries`; without any, the `approved-stack` check and stack-exception reviews
       * are off.
       * @visibility backend
       */
      radar?: {
        /** A URL the backend's URL reader may read (see `backend.reading.allow`). */
        url?: string;
        /**
         * A JSON file on the backend's disk, relative to its working directory; read through the
         * URL reader as a `file:` URL, so it must be inside `governance.adrs.allowedLocalDirectories`.
         */
        file?: string;
        /**
         * The radar held in config where none exists: tech-radar entries (`id`, `title`,
         * `quadrant`, `timeline`), or the short form with a `ring` instead of a timeline.
         */
        entries?: Array<{
          id: string;
          key?: string;
          title?: string;
          quadrant?: string;
          ring?: 'adopt' | 'trial' | 'assess' | 'hold';
          description?: string;
          url?: string;
          timeline?: Array<{
            ringId: string;
            date: string;
            description?: string;
          }>;
        }>;
        /** How often the radar is read again (default hourly), e.g. `{ minutes: 30 }` or `PT30M`. */
        frequency?: { [unit: string]: number } | string;
      };
    };
    dependencies?: {
      /**
       * Per tier, the tiers its entities may depend on through catalog `dependsOn` relations,
       * for the built-in `dependencies-meet-tier` check, e.g.
       * `{ critical: [critical], core: [critical, core] }`. A tier not listed may depend on its
       * own tier and the tiers configured before it under `governance.tiers` (by default
       * `critical`, then `core`, then `supporting`). A dependency with no tier is never allowed.
       * An unknown tier, as a key or in a list, fails start-up.
       * @visibility backend
       */
      allowedTiers?: { [tier: string]: string[] };
    };
    impact?: {
      /**
       * Days on either side of an ADR's date over which its decision impact compares the
       * delivery metrics of the entities it governs (default 30, a whole number of days).
       * @visibility backend
       */
      windowDays?: number;
    };
    adrs?: {
      /**
       * Regular expression an ADR file's name must match (default `^\\d{4}-.+\\.md$`, files
       * named like `0001-title.md`).
       * @visibility backend
       */
      filePattern?: string;
      /**
       * How often every ADR location is read again (default { minutes: 30 }), as a Backstage
       * duration object. Unchanged locations (same ETag) are not read. Runs once across replicas.
       * @visibility backend
       */
      frequency?: { [unit: string]: number };
      /**
       * Directories on the backend's disk that `file:` ADR locations may be read from, relative
       * to the backend's working directory; nothing on disk is read when absent.
       * @visibility backend
       */
      allowedLocalDirectories?: string[];
      /**
       * Largest ADR file read, in bytes (default 1048576, 1 MiB; from 1024 to 67108864). A larger
       * file is listed by its name with a warning instead of its body, so one huge file cannot
       * stall the reading or the browsers that open it.
       * @visibility backend
       */
      maxFileSize?: number;
      /**
       * When an accepted ADR's retrospective falls due and overdue, in whole months after its
       * date (defaults 3 and 6).
       * @visibility backend
       */
      retrospective?: {
        dueAfterMonths?: number;
        overdueAfterMonths?: number;
      };
      /**
       * How an ADR date whose day and month can swap places, such as `05/02/2018`, is read:
       * `day-first` (the default: 5 February 2018) or `month-first` (May 2, 2018). Such a date
       * is always shown with a warning naming both readings; a date that can only be read one
       * way (`28/03/2018`, `2018-02-05`, `December 1, 2021`) needs no setting.
       * @visibility backend
       */
      dateOrder?: 'day-first' | 'month-first';
      /**
       * When an accepted ADR with no retrospective counts as stale in the ADR index's "stale"
       * filter, in whole months after its date (default 12; from 1 to 120).
       * @visibility backend
       */
      staleAfterMonths?: number;
    };
  };
}
