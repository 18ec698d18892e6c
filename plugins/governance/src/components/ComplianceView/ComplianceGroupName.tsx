import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ComplianceGroupBy } from '@catalog-governance/backstage-plugin-governance-common';
import { TierChip } from '../TierChip';
import { Muted } from '../Muted';

/** How a dimension is named in headings and filter chips. */
export const DIMENSION_LABELS: Record<ComplianceGroupBy, string> = {
  owner: 'Owner',
  system: 'System',
  domain: 'Domain',
  tier: 'Tier',
};

/** What a group of entities without the dimension is called: "No owner", "No tier". */
export function noneLabel(dimension: ComplianceGroupBy): string {
  return `No ${DIMENSION_LABELS[dimension].toLocaleLowerCase('en-US')}`;
}

/** The kind an unqualified ref of the dimension points at, as the catalog would read it. */
const DEFAULT_KINDS: Record<Exclude<ComplianceGroupBy, 'tier'>, string> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
};

/** A group's key in words: `''` and an absent key both stand for "without one". */
export function describeGroupKey(
  dimension: ComplianceGroupBy,
  key: string | undefined,
): string {
  return key ? key : noneLabel(dimension);
}

/**
 * The value of a dimension as the rest of Backstage shows it: a link to the owner, system or
 * domain in the catalog, the tier as its chip, or "No system" and the like when there is none.
 */
export function ComplianceGroupName(props: {
  dimension: ComplianceGroupBy;
  value: string | undefined;
}) {
  const { dimension, value } = props;
  if (!value) {
    return <Muted>{noneLabel(dimension)}</Muted>;
  }
  if (dimension === 'tier') {
    return <TierChip tier={{ name: value }} />;
  }
  return (
    <EntityRefLink
      entityRef={value}
      defaultKind={DEFAULT_KINDS[dimension]}
      // The row around the link drills down; following the link must not do that too.
      onClick={event => event.stopPropagation()}
    />
  );
}
