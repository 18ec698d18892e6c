export { EntityCampaignsSection } from './EntityCampaignsSection';
export type { EntityCampaignsSectionProps } from './EntityCampaignsSection';
