import { Entity } from '@backstage/catalog-model';
import { TableColumn } from '@backstage/core-components';
import { GOVERNANCE_ANNOTATIONS } from '@catalog-governance/backstage-plugin-governance-common';
import { TierChip } from '../TierChip';

const tierOf = (row: { entity: Entity }): string | undefined =>
  row.entity.metadata.annotations?.[GOVERNANCE_ANNOTATIONS.tier];

/**
 * A catalog table column showing each entity's `governance/tier`, for the `columns` of the
 * catalog index page (`CatalogIndexPage` or `CatalogTable`). Entities without a tier show
 * nothing and sort last. Pass the table's row type: `createTierColumn<CatalogTableRow>()`.
 *
 * @public
 */
export function createTierColumn<
  TRow extends { entity: Entity } = { entity: Entity },
>(options: { title?: string } = {}): TableColumn<TRow> {
  return {
    title: options.title ?? 'Tier',
    customFilterAndSearch: (query: string, row) =>
      (tierOf(row) ?? '')
        .toLocaleLowerCase()
        .includes(query.toLocaleLowerCase()),
    customSort: (a, b) => {
      const [tierA, tierB] = [tierOf(a), tierOf(b)];
      if (tierA === tierB) {
        return 0;
      }
      if (tierA === undefined || tierB === undefined) {
        return tierA === undefined ? 1 : -1;
      }
      return tierA.localeCompare(tierB);
    },
    render: row => {
      const tier = tierOf(row);
      return tier ? <TierChip tier={{ name: tier }} /> : null;
    },
  };
}
