import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { CampaignEntity } from '@catalog-governance/backstage-plugin-governance-common';
import { useCallback } from 'react';
import { governanceApiRef } from '../../api';
import { AsyncServerPagedTable, ServerPagedColumn } from '../ServerPagedTable';

const COLUMNS: ServerPagedColumn<CampaignEntity>[] = [
  {
    title: 'Entity',
    render: entity => <EntityRefLink entityRef={entity.entityRef} />,
  },
  {
    title: 'Owner',
    render: entity =>
      entity.owner ? <EntityRefLink entityRef={entity.owner} /> : 'No owner',
  },
  {
    title: 'Failing checks',
    render: entity => (
      <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
        {entity.failingChecks.map(check => (
          <Chip
            key={check.id}
            size="small"
            variant="outlined"
            label={check.title}
            title={check.id}
          />
        ))}
      </Box>
    ),
  },
];

/**
 * The campaign's entities that are not done, with the checks each still fails, a page at a
 * time as the backend pages them.
 */
export function CampaignEntitiesTable(props: { campaignId: string }) {
  const { campaignId } = props;
  const governanceApi = useApi(governanceApiRef);
  const load = useCallback(
    async (view: { offset: number; limit: number }) => ({
      ...(await governanceApi.listCampaignEntities(campaignId, {
        done: false,
        page: Math.floor(view.offset / view.limit) + 1,
        pageSize: view.limit,
      })),
      ...view,
    }),
    [governanceApi, campaignId],
  );

  return (
    <AsyncServerPagedTable
      title="Entities not done"
      columns={COLUMNS}
      load={load}
      empty="Every entity you can see is done."
      rowTestId={entity => `governance-campaign-entity-${entity.entityRef}`}
    />
  );
}
