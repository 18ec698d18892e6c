import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  CHECK_STATES,
  ComplianceEntity,
  ComplianceFilter,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useCallback } from 'react';
import { governanceApiRef } from '../../api';
import { CheckStateIndicator } from '../CheckStateIndicator';
import { AsyncServerPagedTable, ServerPagedColumn } from '../ServerPagedTable';
import { TierChip } from '../TierChip';
import { LevelChip } from '../LevelChip';
import { WrapRow } from '../WrapRow';
import { LevelDefinition, levelByName } from '../LevelChip/levels';
import { PassingShare } from './PassingShare';
import { Muted } from '../Muted';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const columns = (
  levels: readonly LevelDefinition[],
): ServerPagedColumn<ComplianceEntity>[] => [
  {
    title: 'Entity',
    headerStyle: NO_WRAP,
    render: entity => <EntityRefLink entityRef={entity.entityRef} />,
  },
  {
    title: 'Tier',
    headerStyle: NO_WRAP,
    render: entity => <TierChip tier={{ name: entity.tier }} />,
  },
  {
    title: 'Level',
    headerStyle: NO_WRAP,
    render: entity => <LevelCell entity={entity} levels={levels} />,
  },
  {
    title: 'Checks',
    headerStyle: NO_WRAP,
    render: entity => <CountsCell entity={entity} />,
  },
  {
    title: 'Passing',
    headerStyle: NO_WRAP,
    cellStyle: { minWidth: 160 },
    render: entity => <PassingShare counts={entity.counts} />,
  },
  {
    title: 'Failing checks',
    headerStyle: NO_WRAP,
    render: entity => <FailingCell failing={entity.failing} />,
  },
];

function LevelCell(props: {
  entity: ComplianceEntity;
  levels: readonly LevelDefinition[];
}) {
  const { entity, levels } = props;
  const required = levelByName(levels, entity.requiredLevel);
  return (
    <WrapRow gap={4}>
      <LevelChip level={levelByName(levels, entity.level)} />
      {entity.belowRequired && required && (
        <Typography
          variant="caption"
          color="error"
          data-testid="compliance-entity-below-required"
        >
          below {required.title}
        </Typography>
      )}
    </WrapRow>
  );
}

function CountsCell(props: { entity: ComplianceEntity }) {
  const { counts } = props.entity;
  // Only the states the entity has; five zeros per row would bury the ones that matter.
  const states = CHECK_STATES.filter(state => counts[state] > 0);
  if (states.length === 0) {
    return <Muted>no checks</Muted>;
  }
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 12 }}>
      {states.map(state => (
        <CheckStateIndicator
          key={state}
          state={state}
          count={counts[state]}
          data-testid={`compliance-entity-count-${state}`}
        />
      ))}
    </Box>
  );
}

function FailingCell(props: { failing: string[] }) {
  if (props.failing.length === 0) {
    return <Muted>none</Muted>;
  }
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
      {props.failing.map(checkId => (
        <Chip key={checkId} label={checkId} size="small" variant="outlined" />
      ))}
    </Box>
  );
}

/**
 * The entities matching the filter, least compliant first, one page at a time from the
 * backend. Mount it with a `key` per filter, so a new filter starts on the first page.
 */
export function ComplianceEntitiesTable(props: {
  filter: ComplianceFilter;
  /** The configured levels, lowest first: the titles of the level badges. */
  levels: readonly LevelDefinition[];
}) {
  const { filter, levels } = props;
  const governanceApi = useApi(governanceApiRef);
  const load = useCallback(
    async (page: { offset: number; limit: number }) => {
      const entities = await governanceApi.getComplianceEntities(filter, page);
      return { ...entities, totalCount: entities.totalItems };
    },
    [governanceApi, filter],
  );

  return (
    <AsyncServerPagedTable
      title="Entities"
      columns={columns(levels)}
      load={load}
      empty="No evaluated entity matches these filters."
      rowTestId={entity => `compliance-entity-${entity.entityRef}`}
    />
  );
}
