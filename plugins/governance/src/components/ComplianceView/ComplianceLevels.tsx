import Typography from '@material-ui/core/Typography';
import { ComplianceGroup } from '@catalog-governance/backstage-plugin-governance-common';
import { LevelChip } from '../LevelChip';
import { WrapRow } from '../WrapRow';
import { LevelDefinition, levelByName } from '../LevelChip/levels';
import { Muted } from '../Muted';

/**
 * The levels a group's entities are at, highest first, then those at no level. The roll-up
 * counts levels by name and leaves out levels nobody is at; `levels` (lowest first, as
 * configured) gives their order and titles.
 */
export function levelCounts(
  group: Pick<ComplianceGroup, 'levels' | 'withoutLevel'>,
  levels: readonly LevelDefinition[],
): Array<{ level: LevelDefinition | null; count: number }> {
  const counted = Object.entries(group.levels ?? {}).filter(
    ([, count]) => count > 0,
  );
  // A level missing from the configured ones (-1) goes last.
  const rank = (name: string) => levels.findIndex(level => level.name === name);
  return [
    ...counted
      .sort(([a], [b]) => rank(b) - rank(a))
      .map(([name, count]) => ({ level: levelByName(levels, name), count })),
    ...(group.withoutLevel ? [{ level: null, count: group.withoutLevel }] : []),
  ];
}

/** How many entities of a group are at each level, as badges with their counts. */
export function ComplianceLevelCounts(props: {
  group: Pick<ComplianceGroup, 'levels' | 'withoutLevel'>;
  levels: readonly LevelDefinition[];
  'data-testid'?: string;
}) {
  const counts = levelCounts(props.group, props.levels);
  return (
    <WrapRow gap={12} data-testid={props['data-testid']}>
      {counts.length === 0 ? (
        <Muted>—</Muted>
      ) : (
        counts.map(({ level, count }) => (
          <WrapRow
            key={level?.name ?? ''}
            display="inline-flex"
            gap={4}
            style={{ whiteSpace: 'nowrap' }}
            data-testid="compliance-level-count"
            data-level={level?.name ?? ''}
          >
            <LevelChip level={level} />
            <Typography variant="body2" component="span">
              {count}
            </Typography>
          </WrapRow>
        ))
      )}
    </WrapRow>
  );
}
