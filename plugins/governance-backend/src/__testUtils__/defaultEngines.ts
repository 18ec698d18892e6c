import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_ADR_POLICY,
  readFactDefinitions,
  readTierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { AdrIngestor } from '../adrs/AdrIngestor';
import { DatabaseAdrStore } from '../database/DatabaseAdrStore';
import { ScorecardEngine } from '../scorecards/ScorecardEngine';

type ScorecardEngineOptions = ConstructorParameters<typeof ScorecardEngine>[0];
type AdrIngestorOptions = ConstructorParameters<typeof AdrIngestor>[0];

/**
 * A scorecard engine as the plugin makes it with no config: the default tiers and facts, a
 * 5% warn margin. `options` name the catalog and store, and replace any default.
 */
export function defaultScorecardEngine(
  options: Pick<ScorecardEngineOptions, 'catalog' | 'store'> &
    Partial<ScorecardEngineOptions>,
): ScorecardEngine {
  return new ScorecardEngine({
    auth: mockServices.auth(),
    tierPolicies: readTierPolicies(new ConfigReader({})),
    factDefinitions: readFactDefinitions(new ConfigReader({})),
    warnMarginPercent: 5,
    logger: mockServices.logger.mock(),
    ...options,
  });
}

/**
 * An ADR ingestor as the plugin makes it with no config, over a catalog of `entities`:
 * the default ADR policy, no SCM integrations. `options` name the URL reader and store, and
 * replace any default.
 */
export function defaultAdrIngestor(
  options: Pick<AdrIngestorOptions, 'urlReader' | 'store'> &
    Partial<AdrIngestorOptions> & { entities?: Entity[] },
): AdrIngestor {
  const { entities = [], ...rest } = options;
  return new AdrIngestor({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    policy: DEFAULT_ADR_POLICY,
    logger: mockServices.logger.mock(),
    ...rest,
  });
}

/** The ADR store as the plugin makes it with no config: the default retrospective policy. */
export function defaultAdrStore(knex: Knex): DatabaseAdrStore {
  return new DatabaseAdrStore(knex, {
    policy: DEFAULT_ADR_POLICY.retrospective,
    staleAfterMonths: 12,
  });
}
