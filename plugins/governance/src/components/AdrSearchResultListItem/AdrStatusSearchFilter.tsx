import { SearchFilter } from '@backstage/plugin-search-react';
import { ADR_STATUSES } from '@catalog-governance/backstage-plugin-governance-common';

/** A search page filter that narrows ADR results to one status. */
export function AdrStatusSearchFilter(props: { className?: string }) {
  return (
    <SearchFilter.Select
      className={props.className}
      label="ADR status"
      name="status"
      values={[...ADR_STATUSES]}
    />
  );
}
