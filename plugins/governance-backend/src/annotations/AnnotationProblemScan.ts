import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  parseGovernanceAnnotations,
  TierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  ENTITY_FIELDS,
  readCatalogPages,
} from '../catalog/readGovernedEntities';
import { readHeldBackEntities } from '../catalog/readHeldBackEntities';
import { specRef } from '../catalog/specRef';
import {
  AnnotationProblemFinding,
  AnnotationProblemStore,
} from '../database/AnnotationProblemStore';
import { annotationProblemFromMessage } from './annotationProblemMessage';
import { scheduledJob } from '../scheduledJob';

const CATALOG_PROCESSING = 'backstage.io/catalog-processing';

type Problem = Pick<AnnotationProblemFinding, 'key' | 'value' | 'allowed'>;

function findings(
  entity: Entity,
  problems: Problem[],
  severity: AnnotationProblemFinding['severity'],
): AnnotationProblemFinding[] {
  const annotations = entity.metadata.annotations ?? {};
  const sourceLocation =
    annotations[ANNOTATION_ORIGIN_LOCATION] ?? annotations[ANNOTATION_LOCATION];
  const owner = specRef(entity, 'owner', 'group');
  return problems.map(({ key, value, allowed }) => ({
    entityRef: stringifyEntityRef(entity),
    key,
    value,
    allowed,
    severity,
    ...(entity.metadata.title && { title: entity.metadata.title }),
    ...(owner && { owner }),
    ...(sourceLocation && { sourceLocation }),
  }));
}

/**
 * Finds every entity whose governance annotations are invalid, for the council page's Catalog
 * annotations view, and stores what it found in place of the previous scan.
 *
 * Three cases, as the catalog presents them:
 * - in `warn` mode the catalog ingests the entity with the value as written: the scan parses
 *   its annotations and records a `warning`;
 * - in `error` mode an entity the catalog never ingested is missing from the catalog API: the
 *   scan reads it, as written, from the unprocessed-entities module and records `held-back`;
 * - in `error` mode an entity ingested before keeps its last good version, with the processing
 *   errors of the refused one in `status.items`: the scan reads the key, value and allowed
 *   values from those errors and records `held-back`.
 *
 * Scheduled through the SchedulerService, so one replica runs it per tick.
 *
 * @internal
 */
export class AnnotationProblemScan {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      discovery: DiscoveryService;
      store: AnnotationProblemStore;
      tierPolicies: TierPolicies;
      logger: LoggerService;
    },
  ) {}

  /** Scans on the schedule, on one replica per tick. */
  readonly schedule = scheduledJob('governance-annotation-problem-scan', () =>
    this.run(),
  );

  async run(now = new Date()): Promise<void> {
    const { store, logger } = this.deps;
    const heldBack = await readHeldBackEntities(this.deps);
    if (!heldBack.moduleInstalled) {
      logger.debug(
        'The catalog has no unprocessed-entities module: entities it never ingested are not listed',
      );
    }
    const found: AnnotationProblemFinding[] = heldBack.entities.flatMap(
      ({ entity }) => findings(entity, this.parse(entity), 'held-back'),
    );
    for await (const page of readCatalogPages({
      catalog: this.deps.catalog,
      credentials: await this.deps.auth.getOwnServiceCredentials(),
      // Every entity: a typo in a key (governance/teir) is a problem too.
      fields: [...ENTITY_FIELDS, 'status.items'],
    })) {
      for (const entity of page) {
        const refused = this.refusedProblems(entity);
        const refusedKeys = new Set(refused.map(p => p.key));
        found.push(
          ...findings(entity, refused, 'held-back'),
          ...findings(
            entity,
            this.parse(entity).filter(p => !refusedKeys.has(p.key)),
            'warning',
          ),
        );
      }
    }
    await store.replaceAnnotationProblems(found, now);
    logger.info(
      `Annotation scan found ${found.length} invalid governance annotations`,
    );
  }

  private parse(entity: Entity): Problem[] {
    return parseGovernanceAnnotations(entity.metadata.annotations, {
      tierNames: this.deps.tierPolicies.keys(),
    }).problems;
  }

  /** The annotation problems of the version the catalog refused, from its processing errors. */
  private refusedProblems(entity: AlphaEntity): Problem[] {
    const problems: Problem[] = [];
    for (const item of entity.status?.items ?? []) {
      if (item.type !== CATALOG_PROCESSING || item.level !== 'error') {
        continue;
      }
      const message =
        typeof item.error?.message === 'string'
          ? item.error.message
          : item.message;
      const problem = annotationProblemFromMessage(message);
      if (problem) {
        problems.push(problem);
      }
    }
    return problems;
  }
}
