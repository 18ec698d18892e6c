import { InfoCard } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import LinearProgress from '@material-ui/core/LinearProgress';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  Campaign,
  governanceCampaignManagePermission,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import { CampaignListState } from '../../api';
import { useGovernanceAsyncRetry } from '../../hooks/useGovernanceAsync';
import { AsyncContent } from '../AsyncContent';
import { useUrlState } from '../../hooks/useUrlState';
import { ActionButton } from '../ActionButton';
import { LinkButton } from '../LinkButton';
import { SimpleTable, SimpleTableColumn } from '../SimpleTable';
import { CampaignDialog } from './CampaignDialog';
import { CampaignFormDialog } from './CampaignFormDialog';
import {
  CampaignProgress,
  CampaignStateChip,
  isCampaignOverdue,
} from './CampaignProgress';

const LIST_STATES: Record<CampaignListState, string> = {
  active: 'Active',
  closed: 'Closed',
  all: 'All',
};

const EMPTY_TEXT: Record<CampaignListState, string> = {
  active:
    'No campaign is running. The council starts one to get a set of checks passing across many entities by a deadline.',
  closed: 'No campaign has been closed yet.',
  all: 'No campaign has been started yet.',
};

/** The list and the open campaign live in the URL, so a campaign can be linked. */
function parseState(params: URLSearchParams) {
  const list = params.get('campaigns');
  return {
    list: (list && list in LIST_STATES ? list : 'active') as CampaignListState,
    open: params.get('campaign') ?? undefined,
  };
}

function useColumns(
  onOpen: (id: string) => void,
): SimpleTableColumn<Campaign>[] {
  return [
    {
      title: 'Title',
      rowHeader: true,
      render: c => (
        <LinkButton onClick={() => onOpen(c.id)}>{c.title}</LinkButton>
      ),
    },
    { title: 'Deadline', render: c => c.deadline },
    {
      title: 'Progress',
      render: c => <CampaignProgress progress={c.progress} />,
    },
    {
      title: 'State',
      render: c => (
        <CampaignStateChip state={isCampaignOverdue(c) ? 'overdue' : c.state} />
      ),
    },
  ];
}

/**
 * The Campaigns tab of the Architecture Council page: the council's campaigns with their
 * deadline and progress, each opening in the campaign dialog. Those allowed start new ones.
 */
export function CampaignsView() {
  const { state, update } = useUrlState(parseState);
  const { allowed: canManage } = usePermission({
    permission: governanceCampaignManagePermission,
  });
  const [creating, setCreating] = useState(false);
  const {
    value: campaigns,
    loading,
    error,
    retry,
  } = useGovernanceAsyncRetry(
    api => api.listCampaigns(state.list),
    [state.list],
  );
  const setOpen = (id?: string) =>
    update(next => (id ? next.set('campaign', id) : next.delete('campaign')));
  const columns = useColumns(setOpen);

  const content = (
    <AsyncContent
      error={error}
      value={campaigns}
      isEmpty={list => list.length === 0}
      empty={EMPTY_TEXT[state.list]}
    >
      {list => (
        <SimpleTable
          label="Campaigns"
          columns={columns}
          rows={list}
          rowKey={c => c.id}
          rowTestId={c => `governance-campaign-row-${c.id}`}
        />
      )}
    </AsyncContent>
  );

  return (
    <InfoCard
      title="Campaigns"
      subheader="Drives to get a set of checks passing across many entities by a deadline, nearest deadline first."
      action={
        canManage ? (
          <ActionButton onClick={() => setCreating(true)}>
            New campaign
          </ActionButton>
        ) : undefined
      }
    >
      <div data-testid="governance-campaigns">
        <TextField
          select
          label="Show"
          value={state.list}
          onChange={e => update(next => next.set('campaigns', e.target.value))}
          variant="outlined"
          margin="dense"
          style={{ minWidth: 140, marginBottom: 8 }}
          inputProps={{ 'aria-label': 'Show campaigns' }}
        >
          {Object.entries(LIST_STATES).map(([value, label]) => (
            <MenuItem key={value} value={value}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        {/* The previous list stays in place while the next one loads. */}
        {loading && campaigns && <LinearProgress />}
        {content}
      </div>
      {creating && (
        <CampaignFormDialog
          onClose={() => setCreating(false)}
          onSaved={retry}
        />
      )}
      {state.open && (
        <CampaignDialog
          key={state.open}
          campaignId={state.open}
          onClose={() => setOpen(undefined)}
          onChanged={retry}
        />
      )}
    </InfoCard>
  );
}
