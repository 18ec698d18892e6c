import {
  AuthService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GovernanceCouncilMembership } from '@catalog-governance/backstage-plugin-governance-node';
import { MeasuredFact } from '../database/FactStore';
import { entityRefsNotInCatalog } from '../catalog/readEntitiesByRefs';

/** Named in the 403s, so a user learns what to ask for. */
const GROUP_KEY = 'governance.factWriters.group';

/** The facts table's source column holds at most this many characters. */
const MAX_SOURCE_LENGTH = 255;

/**
 * Who may push facts, for which entities, and how a pushed fact records who pushed it.
 *
 * Service principals (external-access tokens, other backend plugins) may push when their
 * token allows `governance.fact.write`. A user also needs to be a direct member of
 * `governance.factWriters.group`; without that setting no user may push. The permission
 * itself is checked by the route, as for every other action.
 *
 * @internal
 */
export class FactWriters {
  private readonly membership?: GovernanceCouncilMembership;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      group?: string;
    },
  ) {
    if (deps.group) {
      this.membership = new GovernanceCouncilMembership({
        catalog: deps.catalog,
        auth: deps.auth,
        councilGroup: deps.group,
      });
    }
  }

  /**
   * Returns the principal a push is recorded under: the user's entity ref, or the service's
   * subject such as `external:ci-facts`. Throws NotAllowedError for a user outside the group.
   */
  async checkWriter(credentials: BackstageCredentials): Promise<string> {
    const { auth } = this.deps;
    if (auth.isPrincipal(credentials, 'service')) {
      return (credentials.principal as BackstageServicePrincipal).subject;
    }
    const user = (credentials.principal as BackstageUserPrincipal)
      .userEntityRef;
    if (!this.membership) {
      throw new NotAllowedError(
        `Pushing facts is for service tokens; users may push only when ${GROUP_KEY} names their group`,
      );
    }
    if (!(await this.membership.isMember(user))) {
      throw new NotAllowedError(
        `Pushing facts as a user needs membership of ${this.deps.group} (${GROUP_KEY})`,
      );
    }
    return user;
  }

  /**
   * Throws InputError, storing nothing, when an entity is not in the catalog as the caller
   * sees it: a user reads it with their own credentials, so an entity hidden from them is as
   * good as missing. A service principal is not subject to the permission policy (only to its
   * token's access restrictions, which are on this plugin), so it sees the whole catalog, and
   * its lookup runs with the plugin's credentials rather than needing the token to reach the
   * catalog plugin unrestricted.
   */
  async checkEntities(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<void> {
    const { catalog, auth } = this.deps;
    const lookupCredentials = auth.isPrincipal(credentials, 'service')
      ? await auth.getOwnServiceCredentials()
      : credentials;
    const missing = await entityRefsNotInCatalog({
      catalog,
      entityRefs,
      credentials: lookupCredentials,
    });
    if (missing.length) {
      throw new InputError(
        `Nothing was stored: ${missing.length} entit${
          missing.length === 1 ? 'y is' : 'ies are'
        } not in the catalog: ${missing.slice(0, 20).join(', ')}`,
      );
    }
  }

  /**
   * The facts as stored: each source names who pushed it, e.g.
   * `ci/github-actions via external:ci-facts`, so a source name cannot pass for another
   * principal's, and two principals never overwrite each other's facts.
   */
  recordedAs(facts: MeasuredFact[], principal: string): MeasuredFact[] {
    const suffix = ` via ${principal}`;
    const tooLong = facts.findIndex(
      f => f.source.length + suffix.length > MAX_SOURCE_LENGTH,
    );
    if (tooLong >= 0) {
      throw new InputError(
        `Nothing was stored: facts[${tooLong}].source is too long; with '${suffix}' recorded after it, a source has at most ${
          MAX_SOURCE_LENGTH - suffix.length
        } characters`,
      );
    }
    return facts.map(f => ({ ...f, source: `${f.source}${suffix}` }));
  }
}
