import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import {
  CampaignDetail,
  CampaignOwnerProgress,
  governanceCampaignManagePermission,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { governanceApiRef } from '../../api';
import { describeError, statusOf } from '../../lib/describeError';
import { DialogSection, FactList, LoadingDetail } from '../DialogSection';
import { Notice, NoticeAlert } from '../NoticeAlert';
import { SimpleTable } from '../SimpleTable';
import { BurnUpChart } from './BurnUpChart';
import { CampaignEntitiesTable } from './CampaignEntitiesTable';
import { CampaignFormDialog } from './CampaignFormDialog';
import {
  CampaignProgress,
  CampaignStateChip,
  isCampaignOverdue,
} from './CampaignProgress';

/** What the dialog says when the campaign changed before it could be closed. */
const CLOSE_CONFLICT_MESSAGE =
  'Someone else changed this campaign in the meantime. The latest version is shown; check it and close it again.';

/** How many owners the dialog names: the ones a council member would chase first. */
const OWNERS_SHOWN = 10;

function describeTarget(target: CampaignDetail['target']): ReactNode {
  const parts = [
    target.kinds?.length && `kind ${target.kinds.join(', ')}`,
    target.tiers?.length && `tier ${target.tiers.join(', ')}`,
  ].filter(Boolean);
  const refs = [
    ...(target.owners ?? []),
    ...(target.systems ?? []),
    ...(target.domains ?? []),
    ...(target.entityRefs ?? []),
  ];
  if (parts.length === 0 && refs.length === 0 && !target.filter) {
    return 'Every evaluated entity';
  }
  return (
    <>
      {parts.join('; ')}
      {refs.map((ref, i) => (
        <span key={ref}>
          {parts.length > 0 || i > 0 ? ', ' : ''}
          <EntityRefLink entityRef={ref} />
        </span>
      ))}
      {target.filter && (
        <>
          {parts.length > 0 || refs.length > 0 ? '; ' : ''}
          catalog filter <code>{target.filter}</code>
        </>
      )}
    </>
  );
}

function OwnersBehind(props: { owners: CampaignOwnerProgress[] }) {
  const behind = props.owners.filter(o => o.notDone > 0).slice(0, OWNERS_SHOWN);
  if (behind.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No team is behind: every entity is done.
      </Typography>
    );
  }
  return (
    <SimpleTable
      label="Teams furthest behind"
      columns={[
        {
          title: 'Owner',
          rowHeader: true,
          render: o =>
            o.owner ? <EntityRefLink entityRef={o.owner} /> : 'No owner',
        },
        { title: 'Not done', render: o => o.notDone },
        {
          title: 'Progress',
          render: o => (
            <CampaignProgress
              progress={{
                done: o.done,
                notDone: o.notDone,
                total: o.done + o.notDone,
              }}
            />
          ),
        },
      ]}
      rows={behind}
      rowKey={o => o.owner}
      rowTestId={o => `governance-campaign-owner-${o.owner || 'none'}`}
    />
  );
}

/** Props for {@link CampaignDialog}. */
export interface CampaignDialogProps {
  campaignId: string;
  onClose: () => void;
  /** Called after every change the dialog made, so the list can reload. */
  onChanged: () => void;
}

/**
 * One campaign: its facts, a burn-up to the deadline, the teams furthest behind and the
 * entities not done with their failing checks. The council edits and closes it here.
 */
export function CampaignDialog(props: CampaignDialogProps) {
  const { campaignId, onClose, onChanged } = props;
  const governanceApi = useApi(governanceApiRef);
  const { allowed: canManage } = usePermission({
    permission: governanceCampaignManagePermission,
  });
  const {
    value: campaign,
    error,
    retry,
  } = useAsyncRetry(
    () => governanceApi.getCampaign(campaignId),
    [governanceApi, campaignId],
  );
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const titleId = 'governance-campaign-dialog-title';

  const changed = () => {
    retry();
    onChanged();
  };

  const close = async (current: CampaignDetail) => {
    setClosing(true);
    setNotice(undefined);
    try {
      await governanceApi.updateCampaign(current.id, {
        revision: current.revision,
        state: 'closed',
      });
      changed();
    } catch (e) {
      setNotice(
        statusOf(e as Error) === 409
          ? { severity: 'warning', message: CLOSE_CONFLICT_MESSAGE }
          : {
              severity: 'error',
              message: `The campaign was not closed. ${describeError(
                e as Error,
              )}`,
            },
      );
      changed();
    } finally {
      setClosing(false);
    }
  };

  let content: ReactNode;
  if (!campaign) {
    content = (
      <LoadingDetail
        error={error}
        failure="The campaign could not be loaded."
      />
    );
  } else {
    content = (
      <>
        <NoticeAlert
          notice={notice}
          style={{ marginBottom: 16 }}
          data-testid="governance-campaign-notice"
        />
        <FactList centered data-testid="governance-campaign-facts">
          <dt>State</dt>
          <dd>
            <CampaignStateChip
              state={isCampaignOverdue(campaign) ? 'overdue' : campaign.state}
            />
          </dd>
          <dt>Deadline</dt>
          <dd>{campaign.deadline}</dd>
          <dt>Progress</dt>
          <dd>
            <CampaignProgress progress={campaign.progress} />
          </dd>
          <dt>Checks</dt>
          <dd>{campaign.checks.join(', ')}</dd>
          <dt>Covers</dt>
          <dd>{describeTarget(campaign.target)}</dd>
          {campaign.link && (
            <>
              <dt>Link</dt>
              <dd>
                <Link to={campaign.link}>{campaign.link}</Link>
              </dd>
            </>
          )}
          <dt>Started by</dt>
          <dd>
            <EntityRefLink entityRef={campaign.createdBy} />
          </dd>
        </FactList>
        {campaign.description && (
          <DialogSection title="Description">
            <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }}>
              {campaign.description}
            </Typography>
          </DialogSection>
        )}
        <DialogSection title="Burn-up">
          <BurnUpChart
            history={campaign.history}
            start={campaign.createdAt.slice(0, 10)}
            deadline={campaign.deadline}
            testId="governance-campaign-burnup"
          />
        </DialogSection>
        <DialogSection title="Teams furthest behind">
          <OwnersBehind owners={campaign.owners} />
        </DialogSection>
        <DialogSection title="Entities not done">
          <CampaignEntitiesTable
            key={campaign.revision}
            campaignId={campaign.id}
          />
        </DialogSection>
      </>
    );
  }

  const manageable = canManage && campaign?.state === 'active';
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id={titleId}>{campaign?.title ?? 'Campaign'}</DialogTitle>
      <DialogContent>{content}</DialogContent>
      <DialogActions>
        {manageable && campaign && (
          <>
            <Button disabled={closing} onClick={() => close(campaign)}>
              Close campaign
            </Button>
            <Button
              color="primary"
              disabled={closing}
              onClick={() => setEditing(true)}
            >
              Edit
            </Button>
          </>
        )}
        <Button onClick={onClose}>Done</Button>
      </DialogActions>
      {editing && campaign && (
        <CampaignFormDialog
          campaign={campaign}
          onClose={() => setEditing(false)}
          onSaved={changed}
        />
      )}
    </Dialog>
  );
}
