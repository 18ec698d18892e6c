import { GovernanceApiSchemas } from './schema';
/**
 * A waiver the council granted: a check of one entity shows `waived` instead of failing until
 * the waiver expires or is revoked. Both grant and revocation record who and when.
 *
 * @public
 */
export type Waiver = GovernanceApiSchemas['Waiver'];

/**
 * The body of `POST /api/governance/waivers`.
 *
 * @public
 */
export type CreateWaiverRequest = GovernanceApiSchemas['CreateWaiverRequest'];
