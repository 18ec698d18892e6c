import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { EntityCampaign } from '@catalog-governance/backstage-plugin-governance-common';
import { useGovernanceAsync } from '../../hooks/useGovernanceAsync';
import { AsyncContent } from '../AsyncContent';
import { utcToday } from '../../lib/days';
import { CampaignStateChip, isCampaignOverdue } from '../CampaignsView';
import { SimpleTable } from '../SimpleTable';

/** Where the entity stands in the campaign: done, still to do, late, or no longer asked. */
function entityState(campaign: EntityCampaign, today: string) {
  if (campaign.done) {
    return 'done';
  }
  if (campaign.state === 'closed') {
    return 'closed';
  }
  return isCampaignOverdue(campaign, today) ? 'overdue' : 'not-done';
}

/** Props for {@link EntityCampaignsSection}. */
export interface EntityCampaignsSectionProps {
  entityRef: string;
}

/**
 * The council's campaigns the entity is in, with each deadline and whether the entity is done,
 * still to do, or overdue.
 */
export function EntityCampaignsSection(props: EntityCampaignsSectionProps) {
  const { entityRef } = props;
  const { value, error } = useGovernanceAsync(
    async api => ({
      entityRef,
      campaigns: await api.getEntityCampaigns(entityRef),
    }),
    [entityRef],
  );
  // An answer for another entity is not shown: the page moved on.
  const campaigns =
    value?.entityRef === entityRef ? value.campaigns : undefined;
  const today = utcToday();

  return (
    <InfoCard
      title="Campaigns"
      subheader="The architecture council's campaigns that cover this entity, and whether it is done."
    >
      <Box data-testid="governance-entity-campaigns">
        <AsyncContent
          error={error}
          value={campaigns}
          isEmpty={list => list.length === 0}
          empty="This entity is in no campaign. When the architecture council starts a campaign that covers it, it shows here with its deadline."
        >
          {list => (
            <SimpleTable
              label="Campaigns"
              columns={[
                {
                  title: 'Campaign',
                  rowHeader: true,
                  render: c =>
                    c.link ? <Link to={c.link}>{c.title}</Link> : c.title,
                },
                { title: 'Deadline', render: c => c.deadline },
                {
                  title: 'State',
                  render: c => (
                    <CampaignStateChip state={entityState(c, today)} />
                  ),
                },
              ]}
              rows={list}
              rowKey={c => c.id}
              rowTestId={c => `governance-entity-campaign-${c.id}`}
            />
          )}
        </AsyncContent>
      </Box>
    </InfoCard>
  );
}
