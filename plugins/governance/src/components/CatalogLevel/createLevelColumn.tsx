import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { TableColumn } from '@backstage/core-components';
import Skeleton from '@material-ui/lab/Skeleton';
import { GOVERNANCE_ANNOTATIONS } from '@catalog-governance/backstage-plugin-governance-common';
import { reasonOf } from '../../lib/describeError';
import { LevelChip } from '../LevelChip';
import { levelByName } from '../LevelChip/levels';
import { Muted } from '../Muted';
import { useEntityLevel } from './useEntityLevel';

function EntityLevelBadge(props: { entityRef: string }) {
  const { value: level, loading, error } = useEntityLevel(props.entityRef);
  if (loading) {
    return (
      <Skeleton
        variant="text"
        width={48}
        aria-label="Loading level"
        data-testid="governance-level-loading"
      />
    );
  }
  if (error) {
    // One row's failure must not break the catalog: the reason is a hover away.
    return (
      <span title={`Level unavailable: ${reasonOf(error)}`}>
        <Muted>—</Muted>
      </span>
    );
  }
  if (!level) {
    return null;
  }
  return <LevelChip level={levelByName(level.levels, level.current)} />;
}

/**
 * A catalog table column with each entity's maturity level as a badge, for the `columns` of
 * the catalog index page, next to the tier column. Entities without a `governance/tier` show
 * nothing and ask nothing; the others load their governance summary. Pass the table's row
 * type: `createLevelColumn<CatalogTableRow>()`.
 *
 * @public
 */
export function createLevelColumn<
  TRow extends { entity: Entity } = { entity: Entity },
>(options: { title?: string } = {}): TableColumn<TRow> {
  return {
    title: options.title ?? 'Level',
    // The level is not in the entity: the table can neither sort nor search by it.
    sorting: false,
    searchable: false,
    render: row =>
      row.entity.metadata.annotations?.[GOVERNANCE_ANNOTATIONS.tier] ? (
        <EntityLevelBadge entityRef={stringifyEntityRef(row.entity)} />
      ) : null,
  };
}
