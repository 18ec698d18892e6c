import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EntityCampaign } from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
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
  const governanceApi = useApi(governanceApiRef);
  const { value, error } = useAsync(
    async () => ({
      entityRef,
      campaigns: await governanceApi.getEntityCampaigns(entityRef),
    }),
    [governanceApi, entityRef],
  );
  // An answer for another entity is not shown: the page moved on.
  const campaigns =
    value?.entityRef === entityRef ? value.campaigns : undefined;
  const today = utcToday();

  let content: ReactNode;
  if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!campaigns) {
    content = <Progress />;
  } else if (campaigns.length === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        This entity is in no campaign. When the architecture council starts a
        campaign that covers it, it shows here with its deadline.
      </Typography>
    );
  } else {
    content = (
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
            render: c => <CampaignStateChip state={entityState(c, today)} />,
          },
        ]}
        rows={campaigns}
        rowKey={c => c.id}
        rowTestId={c => `governance-entity-campaign-${c.id}`}
      />
    );
  }

  return (
    <InfoCard
      title="Campaigns"
      subheader="The architecture council's campaigns that cover this entity, and whether it is done."
    >
      <Box data-testid="governance-entity-campaigns">{content}</Box>
    </InfoCard>
  );
}
