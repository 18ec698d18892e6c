import { GovernanceEscalationTrigger } from '@catalog-governance/backstage-plugin-governance-node';
import { CampaignService } from './CampaignService';

/**
 * A campaign past its deadline with entities not done: one review item per owner behind, on
 * the owner's group. Its cause names campaign and owner, so each is raised once; it is an event
 * that does not clear.
 *
 * @internal
 */
export function campaignOverdueTrigger(options: {
  campaigns: CampaignService;
}): GovernanceEscalationTrigger {
  return {
    id: 'campaign-overdue',
    evaluate: ({ now }) => options.campaigns.overdueEscalations(now),
  };
}
