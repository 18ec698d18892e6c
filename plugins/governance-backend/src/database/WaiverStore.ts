import { Waiver } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * Waivers granted by the council, including revoked and expired ones.
 *
 * @internal
 */
export interface WaiverStore {
  createWaiver(waiver: Waiver): Promise<void>;

  /**
   * Records the revocation of a waiver. Throws NotFoundError for an unknown id and
   * ConflictError for a waiver already revoked, so two council members never both revoke it.
   */
  revokeWaiver(id: string, revokedBy: string, revokedAt: Date): Promise<Waiver>;

  /** Every waiver of the given entities, newest first, including revoked and expired ones. */
  listWaivers(entityRefs: string[]): Promise<Waiver[]>;

  /** The entities with a waiver granted or revoked at or after `since`. */
  listWaiverChangesSince(since: Date): Promise<string[]>;
}
