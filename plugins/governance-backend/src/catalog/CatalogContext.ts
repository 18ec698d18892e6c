import { DependencyTiers } from './DependencyTiers';
import { SystemDomains } from './SystemDomains';

/**
 * What evaluating entities needs of the rest of the catalog: where systems sit, and the tiers
 * of what entities depend on. A full pass reads it once (`ScorecardEngine.readCatalogContext`).
 *
 * @internal
 */
export interface CatalogContext {
  domains: SystemDomains;
  dependencyTiers: DependencyTiers;
}
