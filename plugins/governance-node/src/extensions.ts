import {
  createExtensionPoint,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  AdrDateOrder,
  FactValue,
  ParsedAdr,
  ScorecardCheck,
} from '@catalog-governance/backstage-plugin-governance-common';

/**
 * A scorecard check contributed by a backend module, on top of the checks the tier policy
 * demands. It reads one fact: a built-in one, or a custom fact declared under
 * `governance.facts` in config (so the facts API accepts it).
 *
 * @public
 */
export interface GovernanceCustomCheck extends ScorecardCheck {
  /** The tiers the check applies to; every tier when absent. */
  tiers?: string[];
}

/**
 * Adds custom checks to every scorecard.
 *
 * @public
 */
export interface GovernanceChecksExtensionPoint {
  addChecks(...checks: GovernanceCustomCheck[]): void;
}

/**
 * The extension point for custom scorecard checks.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'governance',
 *   moduleId: 'error-budget-check',
 *   register(env) {
 *     env.registerInit({
 *       deps: { checks: governanceChecksExtensionPoint },
 *       async init({ checks }) {
 *         checks.addChecks({ id: 'error-budget', title: 'Error budget', factName: 'errorBudgetBurn', ... });
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const governanceChecksExtensionPoint =
  createExtensionPoint<GovernanceChecksExtensionPoint>({
    id: 'governance.checks',
  });

/**
 * A fact a provider observed for one entity.
 *
 * @public
 */
export interface GovernanceProvidedFact {
  /** Full entity ref, e.g. `component:default/payments`. */
  entityRef: string;
  /** A built-in fact or one declared under `governance.facts` in config. */
  name: string;
  value: FactValue;
  /** When it was observed (ISO timestamp); the time of the run when absent. */
  observedAt?: string;
}

/**
 * Collects facts on a schedule, instead of waiting for pipelines to push them: e.g. reads
 * coverage from a code-quality service or availability from a monitoring system. The backend
 * runs each provider through the `SchedulerService` (once per tick across replicas), hands it
 * the governed entities page by page, validates what it returns like the facts API does, stores
 * the facts with the source `provider:<id>` and re-evaluates those entities.
 *
 * @public
 */
export interface GovernanceFactProvider {
  /** Unique id, also the scheduled task's name and the facts' source. */
  id: string;
  /** How often to run it. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /**
   * Returns facts about some of the given entities (a page of at most 500 governed entities,
   * read with the fields kind, metadata, spec.owner, spec.system). Facts the provider has
   * nothing to say about are simply left out.
   */
  collect(
    entities: Entity[],
    context: { logger: LoggerService },
  ): Promise<GovernanceProvidedFact[]>;
}

/**
 * Adds fact providers.
 *
 * @public
 */
export interface GovernanceFactProvidersExtensionPoint {
  addFactProviders(...providers: GovernanceFactProvider[]): void;
}

/**
 * The extension point for fact providers.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'governance',
 *   moduleId: 'docs-fact-provider',
 *   register(env) {
 *     env.registerInit({
 *       deps: { providers: governanceFactProvidersExtensionPoint },
 *       async init({ providers }) {
 *         providers.addFactProviders({ id: 'docs', schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } }, collect: async entities => [...] });
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const governanceFactProvidersExtensionPoint =
  createExtensionPoint<GovernanceFactProvidersExtensionPoint>({
    id: 'governance.fact-providers',
  });

/**
 * A reason to put an entity in front of the architecture council, as a trigger saw it.
 *
 * @public
 */
export interface GovernanceEscalation {
  /** Full entity ref, e.g. `component:default/payments`. */
  entityRef: string;
  /** A review kind: built-in (e.g. `nfr-escalation`) or added under `governance.reviews.kinds`. */
  kind: string;
  title: string;
  description: string;
  /**
   * Names the cause, stable across runs: the same key never raises a second item (even from
   * two replicas at once). Put what makes a new occurrence new in it, e.g. the time a check
   * started failing.
   */
  causeKey: string;
  /** `medium` when absent. */
  priority?: 'low' | 'medium' | 'high' | 'critical';
  /** YYYY-MM-DD */
  dueDate?: string;
}

/**
 * Looks for causes to escalate. The backend runs every trigger on the escalation schedule
 * (once per tick across replicas) and raises a review item for each cause not raised before,
 * notifying the council.
 *
 * @public
 */
export interface GovernanceEscalationTrigger {
  /** Unique id: shown as the item's origin and namespacing its cause keys. */
  id: string;
  /**
   * What becomes of an open item once its cause clears: `close` resolves it (status
   * `resolved`), `mark` marks it *cause cleared* for the council to close; either way the
   * item's history records it and its assignee (or the council) is told. Set it only when
   * `evaluate` returns every cause that still holds: a raised cause missing from a successful
   * run counts as cleared. Absent (the default), causes are events that never clear.
   */
  onCauseCleared?: 'close' | 'mark';
  evaluate(context: {
    logger: LoggerService;
    now: Date;
  }): Promise<GovernanceEscalation[]>;
}

/**
 * Adds escalation triggers.
 *
 * @public
 */
export interface GovernanceEscalationTriggersExtensionPoint {
  addTriggers(...triggers: GovernanceEscalationTrigger[]): void;
}

/**
 * The extension point for custom escalation triggers, next to the built-in ones.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'governance',
 *   moduleId: 'pager-escalation',
 *   register(env) {
 *     env.registerInit({
 *       deps: { triggers: governanceEscalationTriggersExtensionPoint },
 *       async init({ triggers }) {
 *         triggers.addTriggers({ id: 'pager-storm', evaluate: async ({ now }) => [...] });
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const governanceEscalationTriggersExtensionPoint =
  createExtensionPoint<GovernanceEscalationTriggersExtensionPoint>({
    id: 'governance.escalation-triggers',
  });

/**
 * One ADR file as the backend read it from an entity's ADR location.
 *
 * @public
 */
export interface GovernanceAdrFile {
  /** The file's path inside the ADR location, e.g. `decisions/0007-use-kafka.md`. */
  path: string;
  /** The file's text, decoded as UTF-8. */
  text: string;
}

/**
 * Reads ADRs written in a format of an organisation's own, which the built-in parser (MADR,
 * Nygard, adr-tools, log4brains, Docusaurus and free-form Markdown) does not read well.
 *
 * @public
 */
export interface GovernanceAdrParser {
  /** Unique id, named in the warning a file gets when the parser fails on it. */
  id: string;
  /**
   * Whether this parser reads the file. The backend asks the parsers in the order they were
   * added; the first that says yes reads it, and the built-in `parseAdr` reads the files no
   * parser claims.
   */
  canParse(file: GovernanceAdrFile): boolean;
  /**
   * Reads the file. A parser that throws, or returns no title or a status, date or list the
   * backend cannot store, leaves the file to the built-in parser with a warning naming the
   * parser, so one bad file never stops an ADR location from being read.
   *
   * @param context - `dateOrder` is `governance.adrs.dateOrder`, for a parser that hands
   *   (rewritten) text on to `parseAdr`.
   */
  parse(
    file: GovernanceAdrFile,
    context: { dateOrder: AdrDateOrder },
  ): ParsedAdr | Promise<ParsedAdr>;
}

/**
 * Adds ADR parsers.
 *
 * @public
 */
export interface GovernanceAdrParserExtensionPoint {
  /**
   * Adds parsers, asked after those added before them. The backend refuses to start when two
   * parsers share an id.
   */
  addParser(...parsers: GovernanceAdrParser[]): void;
}

/**
 * The extension point for custom ADR parsers, tried before the built-in one.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'governance',
 *   moduleId: 'acme-adr-parser',
 *   register(env) {
 *     env.registerInit({
 *       deps: { adrParsers: governanceAdrParserExtensionPoint },
 *       async init({ adrParsers }) {
 *         adrParsers.addParser({
 *           id: 'acme-decision-log',
 *           canParse: ({ text }) => text.startsWith('DECISION-LOG'),
 *           parse: ({ path, text }) => ({ title: ..., status: ..., deciders: [], links: [], format: 'unknown', warnings: [], body: text }),
 *         });
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const governanceAdrParserExtensionPoint =
  createExtensionPoint<GovernanceAdrParserExtensionPoint>({
    id: 'governance.adr-parser',
  });
