import { GovernanceApiSchemas } from './schema';

/**
 * A council's drive to get a set of checks passing on a selection of entities by a deadline.
 *
 * @public
 */
export type Campaign = GovernanceApiSchemas['Campaign'];

/** @public */
export type CampaignState = GovernanceApiSchemas['CampaignState'];

/**
 * Which entities a campaign covers, by where the scorecard placed them.
 *
 * @public
 */
export type CampaignTarget = GovernanceApiSchemas['CampaignTarget'];

/** @public */
export type CampaignProgress = GovernanceApiSchemas['CampaignProgress'];

/**
 * A campaign with its daily progress and its owners, furthest behind first.
 *
 * @public
 */
export type CampaignDetail = GovernanceApiSchemas['CampaignDetail'];

/** @public */
export type CampaignDay = GovernanceApiSchemas['CampaignDay'];

/** @public */
export type CampaignOwnerProgress =
  GovernanceApiSchemas['CampaignOwnerProgress'];

/** @public */
export type CampaignEntity = GovernanceApiSchemas['CampaignEntity'];

/** @public */
export type CampaignEntityPage = GovernanceApiSchemas['CampaignEntityPage'];

/**
 * A campaign an entity is in, and whether the entity is done.
 *
 * @public
 */
export type EntityCampaign = GovernanceApiSchemas['EntityCampaign'];

/** @public */
export type CreateCampaignRequest =
  GovernanceApiSchemas['CreateCampaignRequest'];

/** @public */
export type UpdateCampaignRequest =
  GovernanceApiSchemas['UpdateCampaignRequest'];
