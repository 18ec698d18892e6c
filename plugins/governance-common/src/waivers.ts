/**
 * A waiver the council granted: a check of one entity shows `waived` instead of failing until
 * the waiver expires or is revoked. Both grant and revocation record who and when.
 *
 * @public
 */
export interface Waiver {
  id: string;
  entityRef: string;
  checkId: string;
  reason: string;
  /** ISO timestamp after which the check returns to its real state. */
  expiresAt: string;
  /** Entity ref of the user who granted it. */
  createdBy: string;
  createdAt: string;
  revokedBy?: string;
  revokedAt?: string;
}

/**
 * The body of `POST /api/governance/waivers`.
 *
 * @public
 */
export interface CreateWaiverRequest {
  entityRef: string;
  checkId: string;
  reason: string;
  /** ISO timestamp or date in the future, at most a year ahead. */
  expiresAt: string;
}
