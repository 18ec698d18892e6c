export { CampaignsView } from './CampaignsView';
export { CampaignStateChip, isCampaignOverdue } from './CampaignProgress';
