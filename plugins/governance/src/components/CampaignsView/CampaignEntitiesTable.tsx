import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { CampaignEntity } from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { AsyncContent } from '../AsyncContent';
import {
  DEFAULT_PAGE_SIZE,
  PAGE_SIZES,
  ServerPagedColumn,
  ServerPagedTable,
} from '../ServerPagedTable';

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
  const [view, setView] = useState({ offset: 0, limit: DEFAULT_PAGE_SIZE });
  const { value, loading, error } = useAsync(async () => {
    const page = await governanceApi.listCampaignEntities(campaignId, {
      done: false,
      page: Math.floor(view.offset / view.limit) + 1,
      pageSize: view.limit,
    });
    return { ...page, ...view };
  }, [governanceApi, campaignId, view]);

  return (
    <AsyncContent
      error={error}
      value={value}
      isEmpty={page => page.totalCount === 0}
      empty="Every entity you can see is done."
      loading={loading}
    >
      {page => (
        <ServerPagedTable
          title="Entities not done"
          columns={COLUMNS}
          page={page}
          pageSizes={PAGE_SIZES}
          onPageChange={(offset, limit) => setView({ offset, limit })}
          rowTestId={entity => `governance-campaign-entity-${entity.entityRef}`}
        />
      )}
    </AsyncContent>
  );
}
