import { makeStyles } from '@material-ui/core/styles';
import {
  CodeSnippet,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/Warning';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  AdrLocationStatus,
  AdrSummary,
  COMMUNITY_ADR_LOCATION_ANNOTATION,
  EntityAdrs,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode, useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { governanceApiRef } from '../../api';
import { useUrlState } from '../../hooks/useUrlState';
import { describeError } from '../../lib/describeError';
import { AdrStatusChip, RetrospectiveStateChip } from '../AdrStatusChip';
import { formatDateTime } from '../EntityGovernanceContent/formatDate';
import { LinkButton } from '../LinkButton';
import { OpenedAdrDialog } from '../OpenedDialog';
import { SimpleTable, SimpleTableColumn } from '../SimpleTable';
import { RefreshButton } from '../RefreshButton';

const useStyles = makeStyles({
  table: { '& th': { whiteSpace: 'nowrap' } },
  noWrap: { whiteSpace: 'nowrap' },
});

const ADR_LOCATION_EXAMPLE = [
  'metadata:',
  '  annotations:',
  `    ${GOVERNANCE_ANNOTATIONS.adrLocation}: docs/adr # a URL, or a path relative to this file`,
].join('\n');

/** The location's URL, linked when a browser can open it. */
function LocationUrl(props: { url: string }) {
  return /^https?:\/\//i.test(props.url) ? (
    <Link to={props.url}>{props.url}</Link>
  ) : (
    <code>{props.url}</code>
  );
}

function NotConfigured() {
  return (
    <Box data-testid="governance-adr-location-example">
      <Typography variant="body2" paragraph>
        No ADR location is configured for this entity. Point the{' '}
        <code>{GOVERNANCE_ANNOTATIONS.adrLocation}</code> annotation (or the ADR
        plugin's <code>{COMMUNITY_ADR_LOCATION_ANNOTATION}</code>) at the folder
        holding its architecture decision records: a URL, or a path relative to
        the entity's catalog-info.yaml. Files named like{' '}
        <code>0001-title.md</code> are read, in MADR or Nygard format.
      </Typography>
      <CodeSnippet
        text={ADR_LOCATION_EXAMPLE}
        language="yaml"
        showCopyCodeButton
      />
    </Box>
  );
}

function LocationState(props: {
  location: AdrLocationStatus;
  count: number;
  refreshButton: ReactNode;
}) {
  const { location, count, refreshButton } = props;
  switch (location.status) {
    case 'not-configured':
      return <NotConfigured />;
    case 'pending':
      return (
        <Alert
          severity="info"
          action={refreshButton}
          data-testid="governance-adr-pending"
        >
          ADRs are being read from <LocationUrl url={location.url} />. They
          appear after the next reading; Refresh reads them now.
        </Alert>
      );
    case 'error':
      return (
        <Alert severity="error" data-testid="governance-adr-location-error">
          <AlertTitle>The ADRs could not be read</AlertTitle>
          <div>{location.error}</div>
          <div>
            Location: <LocationUrl url={location.url} />
          </div>
          <div>Last tried {formatDateTime(location.readAt)}.</div>
        </Alert>
      );
    default:
      return count === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No ADR files found at <LocationUrl url={location.url} /> matching the
          file pattern (by default, files named like <code>0001-title.md</code>
          ).
        </Typography>
      ) : null;
  }
}

function WarningsIcon(props: { warnings: string[] }) {
  const { warnings } = props;
  if (warnings.length === 0) {
    return null;
  }
  const label = `${warnings.length} parser ${
    warnings.length === 1 ? 'warning' : 'warnings'
  }`;
  return (
    <Tooltip
      title={
        <Box component="ul" m={0} pl={2}>
          {warnings.map(warning => (
            <li key={warning}>{warning}</li>
          ))}
        </Box>
      }
    >
      <IconButton size="small" aria-label={label}>
        <WarningIcon fontSize="small" color="secondary" />
      </IconButton>
    </Tooltip>
  );
}

function AdrTable(props: {
  items: AdrSummary[];
  onOpen: (id: string) => void;
}) {
  const classes = useStyles();
  const { items, onOpen } = props;
  const columns: SimpleTableColumn<AdrSummary>[] = [
    { title: 'No.', render: adr => adr.number ?? '—' },
    {
      title: 'Title',
      rowHeader: true,
      render: adr => (
        <Box display="flex" alignItems="center" style={{ gap: 4 }}>
          <LinkButton onClick={() => onOpen(adr.id)}>{adr.title}</LinkButton>
          <WarningsIcon warnings={adr.warnings} />
        </Box>
      ),
    },
    {
      title: 'Status',
      render: adr => <AdrStatusChip adr={adr} onOpenAdr={onOpen} />,
    },
    {
      title: 'Date',
      className: classes.noWrap,
      render: adr => adr.date ?? '—',
    },
    {
      title: 'Deciders',
      render: adr => (adr.deciders.length > 0 ? adr.deciders.join(', ') : '—'),
    },
    {
      title: 'Retrospective',
      render: adr => (
        <RetrospectiveStateChip retrospective={adr.retrospective} />
      ),
    },
  ];
  return (
    <SimpleTable
      label="Architecture decisions"
      className={classes.table}
      columns={columns}
      rows={items}
      rowKey={adr => adr.id}
      rowTestId={adr => `governance-adr-${adr.number ?? adr.path}`}
    />
  );
}

function subheader(location: AdrLocationStatus | undefined): ReactNode {
  if (location?.status === 'ok') {
    return (
      // One element: InfoCard lays its subheader out as flex items, which drop the spaces
      // between text and markup.
      <span>
        From <LocationUrl url={location.url} />, read{' '}
        {formatDateTime(location.readAt)}.
      </span>
    );
  }
  return 'Decisions recorded for this entity, with their retrospectives.';
}

interface Received {
  entityRef: string;
  adrs: EntityAdrs;
}

/** Props for {@link EntityAdrsSection}. */
export interface EntityAdrsSectionProps {
  entityRef: string;
}

/** The ADR open in the dialog, from `?adr=<id>`. */
function readOpenAdr(params: URLSearchParams) {
  return params.get('adr') ?? undefined;
}

/**
 * The entity's architecture decision records as read from its ADR location, with their status,
 * date, deciders and retrospective; each opens in the ADR dialog. When the location is not
 * configured, not read yet or cannot be read, the section says so instead of listing nothing.
 */
export function EntityAdrsSection(props: EntityAdrsSectionProps) {
  const { entityRef } = props;
  const governanceApi = useApi(governanceApiRef);
  // Answers are kept with the entity they are for: a page that moved on ignores the old ones.
  const {
    value: loaded,
    error,
    retry,
  } = useAsyncRetry(
    async (): Promise<Received> => ({
      entityRef,
      adrs: await governanceApi.getEntityAdrs(entityRef),
    }),
    [governanceApi, entityRef],
  );
  const [refreshed, setRefreshed] = useState<Received>();
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<Error>();
  // The open ADR lives in the URL (`?adr=<id>`), so a search result or a shared link opens it.
  const { state: openId, update } = useUrlState(readOpenAdr);
  const setOpenId = useCallback(
    (id: string | undefined) =>
      update(next => (id ? next.set('adr', id) : next.delete('adr'))),
    [update],
  );

  const refresh = useCallback(async () => {
    setRefreshing(true);
    setRefreshError(undefined);
    try {
      setRefreshed({
        entityRef,
        adrs: await governanceApi.refreshEntityAdrs(entityRef),
      });
    } catch (e) {
      setRefreshError(e as Error);
    } finally {
      setRefreshing(false);
    }
  }, [governanceApi, entityRef]);

  const reload = useCallback(() => {
    setRefreshed(undefined);
    retry();
  }, [retry]);

  // A refresh answers with the whole list; it stands until the next reload.
  const adrs = [refreshed, loaded].find(r => r?.entityRef === entityRef)?.adrs;
  const location = adrs?.location;
  const refreshButton = (
    <RefreshButton onRefresh={refresh} refreshing={refreshing} />
  );

  let content: ReactNode;
  if (error && !adrs) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!adrs) {
    content = <Progress />;
  } else {
    content = (
      <>
        {refreshError && (
          <Alert severity="error" style={{ marginBottom: 16 }}>
            The ADRs were not refreshed. {describeError(refreshError)}
          </Alert>
        )}
        <LocationState
          location={adrs.location}
          count={adrs.items.length}
          refreshButton={refreshButton}
        />
        {adrs.items.length > 0 && (
          <AdrTable items={adrs.items} onOpen={setOpenId} />
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Architecture decisions"
      subheader={subheader(location)}
      action={
        // Pending locations offer it beside the explanation instead.
        location && !['not-configured', 'pending'].includes(location.status)
          ? refreshButton
          : undefined
      }
    >
      <Box data-testid="governance-adrs">{content}</Box>
      <OpenedAdrDialog
        id={openId}
        onClose={() => setOpenId(undefined)}
        onChanged={reload}
      />
    </InfoCard>
  );
}
