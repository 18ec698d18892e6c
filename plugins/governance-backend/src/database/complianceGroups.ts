import { COMPLIANCE_GROUP_BY } from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { chunks } from './util';

/**
 * The daily compliance changes with the owner, system, domain and tier of the group each row
 * counts: `compliance_changes` names its group by id, so a row is a few numbers.
 */
export function complianceChangesWithGroups(db: Knex) {
  return db('compliance_changes').join(
    'compliance_groups',
    'compliance_groups.id',
    'compliance_changes.group_id',
  );
}

/** One owner/system/domain/tier combination, as a string to key a map by. */
export const groupKey = (row: Record<string, unknown>) =>
  JSON.stringify(COMPLIANCE_GROUP_BY.map(key => row[key] ?? null));

/**
 * The id of the group of each of `rows`, by groupKey, storing the combinations not seen
 * before. Two replicas adding the same one at once store it twice, which reads tolerate: they
 * sum by the group's columns, not by its id.
 */
export async function complianceGroupIds(
  tx: Knex.Transaction,
  rows: Record<string, unknown>[],
): Promise<Map<string, number>> {
  const readIds = async () =>
    new Map<string, number>(
      (await tx('compliance_groups').select('id', ...COMPLIANCE_GROUP_BY)).map(
        (group: Record<string, unknown> & { id: number }) => [
          groupKey(group),
          Number(group.id),
        ],
      ),
    );
  const ids = await readIds();
  const missing = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = groupKey(row);
    if (!ids.has(key)) {
      missing.set(
        key,
        Object.fromEntries(
          COMPLIANCE_GROUP_BY.map(column => [column, row[column] ?? null]),
        ),
      );
    }
  }
  if (!missing.size) {
    return ids;
  }
  for (const batch of chunks([...missing.values()])) {
    await tx('compliance_groups').insert(batch);
  }
  return readIds();
}
