import { EmptyState, InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import LinearProgress from '@material-ui/core/LinearProgress';
import {
  AdrSummary,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useMemo, useState } from 'react';
import { useGovernanceAsyncRetry } from '../../hooks/useGovernanceAsync';
import { AsyncContent } from '../AsyncContent';
import { AdrChain } from '../AdrChain';
import { AdrStatusChip, RetrospectiveStateChip } from '../AdrStatusChip';
import { ServerPagedColumn, ServerPagedTable } from '../ServerPagedTable';
import { AdrIndexFilters } from './AdrIndexFilters';
import {
  AdrIndexPreset,
  AdrIndexSort,
  ALL_ADRS,
  useAdrIndexState,
} from './useAdrIndexState';
import { LinkButton } from '../LinkButton';
import { OpenedAdrDialog } from '../OpenedDialog';
import { Muted } from '../Muted';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

function adrColumns(
  onOpen: (id: string) => void,
): ServerPagedColumn<AdrSummary, AdrIndexSort>[] {
  return [
    {
      title: 'Entity',
      sortKey: 'entity',
      headerStyle: NO_WRAP,
      render: adr => <EntityRefLink entityRef={adr.entityRef} />,
    },
    {
      title: 'No.',
      headerStyle: NO_WRAP,
      render: adr => adr.number ?? <Muted>—</Muted>,
    },
    {
      title: 'Title',
      sortKey: 'title',
      headerStyle: NO_WRAP,
      render: adr => (
        <LinkButton onClick={() => onOpen(adr.id)}>{adr.title}</LinkButton>
      ),
    },
    {
      title: 'Status',
      headerStyle: NO_WRAP,
      render: adr => <AdrStatusChip adr={adr} onOpenAdr={onOpen} />,
    },
    {
      title: 'Date',
      sortKey: 'date',
      headerStyle: NO_WRAP,
      cellStyle: NO_WRAP,
      render: adr => adr.date ?? <Muted>—</Muted>,
    },
    {
      title: 'Chain',
      headerStyle: NO_WRAP,
      render: adr => (
        <AdrChain
          chain={adr.chain}
          entityRef={adr.entityRef}
          onOpenAdr={onOpen}
          empty="—"
        />
      ),
    },
    {
      title: 'Owner',
      headerStyle: NO_WRAP,
      render: adr =>
        adr.owner ? (
          <EntityRefLink entityRef={adr.owner} />
        ) : (
          <Muted>none</Muted>
        ),
    },
    {
      title: 'Retrospective',
      headerStyle: NO_WRAP,
      render: adr => (
        <RetrospectiveStateChip retrospective={adr.retrospective} />
      ),
    },
  ];
}

/** Props for {@link AdrIndex}. */
export interface AdrIndexProps {
  /** Which ADRs, sorted how, with which filters; every ADR, newest first, by default. */
  preset?: AdrIndexPreset;
  title?: string;
  /** Shown when no ADR matches and no filter is set. */
  emptyTitle?: string;
  emptyDescription?: string;
}

/**
 * The ADRs of every entity, filtered, sorted and paginated by the backend. The query lives in
 * the URL, so a view can be linked; each ADR opens in the ADR dialog.
 */
export function AdrIndex(props: AdrIndexProps) {
  const {
    preset = ALL_ADRS,
    title = 'Architecture decisions',
    emptyTitle = 'No ADRs yet',
    emptyDescription = `ADRs show up here once entities point the ${GOVERNANCE_ANNOTATIONS.adrLocation} annotation at the folder holding their architecture decision records, and the backend has read them.`,
  } = props;
  const { query, filtered, setFilters, sortBy, setPage, clearFilters } =
    useAdrIndexState(preset);
  const {
    value: page,
    loading,
    error,
    retry,
  } = useGovernanceAsyncRetry(api => api.getAdrIndex(query), [query]);
  const [openId, setOpenId] = useState<string>();
  const columns = useMemo(() => adrColumns(setOpenId), []);
  const sort = useMemo(
    () => ({
      key: query.sort ?? preset.sort,
      order: query.order ?? preset.order,
      onSort: sortBy,
    }),
    [query.sort, query.order, preset, sortBy],
  );

  const content = (
    <AsyncContent
      error={error}
      value={page}
      isEmpty={adrs => adrs.totalItems === 0}
      empty={
        filtered ? (
          'No ADR matches these filters.'
        ) : (
          <EmptyState
            missing="data"
            title={emptyTitle}
            description={emptyDescription}
          />
        )
      }
    >
      {adrs => (
        <ServerPagedTable
          title={title}
          columns={columns}
          page={{ ...adrs, totalCount: adrs.totalItems }}
          onPageChange={setPage}
          sort={sort}
          rowTestId={adr => `governance-adr-index-row-${adr.id}`}
        />
      )}
    </AsyncContent>
  );

  return (
    <InfoCard title={title}>
      <div data-testid="governance-adr-index">
        <AdrIndexFilters
          query={query}
          filters={preset.filters}
          filtered={filtered}
          onChange={setFilters}
          onClear={clearFilters}
        />
        {/* The previous page stays in place while the next one loads. */}
        {loading && page && <LinearProgress />}
        {content}
      </div>
      <OpenedAdrDialog
        id={openId}
        onClose={() => setOpenId(undefined)}
        onChanged={retry}
      />
    </InfoCard>
  );
}
