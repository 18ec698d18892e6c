import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  parseGovernanceAnnotations,
  readTierPolicies,
  readValidationMode,
  ValidationMode,
} from '@catalog-governance/backstage-plugin-governance-common';

/**
 * Validates the governance annotations of every entity with the shared parser.
 *
 * In `error` mode each malformed key becomes a processing error, so the catalog holds a new
 * entity back and keeps the last good version of an ingested one, as it does for any processing
 * error. In `warn` mode it only logs, and the Governance tab shows the problem instead.
 *
 * @public
 */
export class GovernanceAnnotationsProcessor implements CatalogProcessor {
  static fromConfig(
    config: Config,
    options: { logger: LoggerService },
  ): GovernanceAnnotationsProcessor {
    return new GovernanceAnnotationsProcessor({
      tierNames: [...readTierPolicies(config).keys()],
      mode: readValidationMode(config),
      logger: options.logger,
    });
  }

  constructor(
    private readonly options: {
      tierNames: string[];
      mode: ValidationMode;
      logger: LoggerService;
    },
  ) {}

  getProcessorName(): string {
    return 'GovernanceAnnotationsProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const { problems } = parseGovernanceAnnotations(
      entity.metadata.annotations,
      { tierNames: this.options.tierNames },
    );
    for (const problem of problems) {
      if (this.options.mode === 'error') {
        emit(processingResult.inputError(location, problem.message));
      } else {
        this.options.logger.warn(
          `${stringifyEntityRef(entity)}: ${problem.message}`,
        );
      }
    }
    return entity;
  }
}
