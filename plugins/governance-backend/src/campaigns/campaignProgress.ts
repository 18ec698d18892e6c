import { parseEntityRef } from '@backstage/catalog-model';
import {
  CampaignEntity,
  CampaignOwnerProgress,
  CampaignProgress,
  CampaignTarget,
  CheckState,
} from '@catalog-governance/backstage-plugin-governance-common';
import { PlacedEntity } from '../database/CampaignStore';

/** The states that meet a campaign check: the same as meet a maturity level. */
const DONE_STATES: ReadonlySet<CheckState> = new Set<CheckState>([
  'pass',
  'warn',
  'waived',
]);

/** Entity refs are case-insensitive in the catalog, so every comparison folds case. */
const fold = (value: string) => value.toLocaleLowerCase('en-US');

function oneOf(values: string[] | undefined) {
  if (!values?.length) {
    return undefined;
  }
  const set = new Set(values.map(fold));
  return (value: string | undefined) =>
    value !== undefined && set.has(fold(value));
}

/**
 * Whether the campaign's target selects the entity: it matches one value of every list given
 * and, with a catalog filter, is among `filterMatches` (the refs the catalog returned for it,
 * in lower case); or it is named in `entityRefs`. An empty target selects every entity.
 */
export function inTarget(
  target: CampaignTarget,
  filterMatches?: ReadonlySet<string>,
) {
  if (target.filter !== undefined && !filterMatches) {
    throw new Error(
      'A campaign with a catalog filter needs the refs the catalog matched',
    );
  }
  const kinds = oneOf(target.kinds);
  const tiers = oneOf(target.tiers);
  const owners = oneOf(target.owners);
  const systems = oneOf(target.systems);
  const domains = oneOf(target.domains);
  const named = oneOf(target.entityRefs);
  const filtered =
    filterMatches && target.filter !== undefined
      ? (ref: string) => filterMatches.has(fold(ref))
      : undefined;
  const narrowed = [kinds, tiers, owners, systems, domains, filtered].some(
    Boolean,
  );
  return (entity: Omit<PlacedEntity, 'results'>): boolean => {
    if (named?.(entity.entityRef)) {
      return true;
    }
    if (named && !narrowed) {
      return false;
    }
    return (
      (!kinds || kinds(parseEntityRef(entity.entityRef).kind)) &&
      (!tiers || tiers(entity.tier)) &&
      (!owners || owners(entity.owner)) &&
      (!systems || systems(entity.system)) &&
      (!domains || domains(entity.domain)) &&
      (!filtered || filtered(entity.entityRef))
    );
  };
}

/**
 * The campaign's entities with where each stands: an entity is in the campaign when the target
 * selects it and its scorecard has at least one of the campaign's checks (a check its tier does
 * not have cannot be asked of it), and done when each of those passes, warns or is waived, as
 * for a maturity level: a warning check still meets its threshold. Not done first, then by ref.
 */
export function campaignEntities(
  campaign: { checks: string[]; target: CampaignTarget },
  entities: PlacedEntity[],
  filterMatches?: ReadonlySet<string>,
): CampaignEntity[] {
  const selects = inTarget(campaign.target, filterMatches);
  const checks = new Set(campaign.checks);
  const rows: CampaignEntity[] = [];
  for (const entity of entities) {
    if (!selects(entity)) {
      continue;
    }
    const relevant = entity.results.filter(r => checks.has(r.checkId));
    if (relevant.length === 0) {
      continue;
    }
    const failingChecks = relevant
      .filter(r => !DONE_STATES.has(r.state))
      .map(r => ({ id: r.checkId, title: r.title }));
    rows.push({
      entityRef: entity.entityRef,
      owner: entity.owner ?? '',
      done: failingChecks.length === 0,
      failingChecks,
    });
  }
  return rows.sort(
    (a, b) =>
      Number(a.done) - Number(b.done) || a.entityRef.localeCompare(b.entityRef),
  );
}

/** The counts of done and not done entities. */
export function progressOf(rows: CampaignEntity[]): CampaignProgress {
  const done = rows.filter(r => r.done).length;
  return { done, notDone: rows.length - done, total: rows.length };
}

/**
 * Progress per owner, furthest behind first: most entities not done, then the lowest share
 * done, then by name.
 */
export function progressByOwner(
  rows: CampaignEntity[],
): CampaignOwnerProgress[] {
  const byOwner = new Map<string, CampaignOwnerProgress>();
  for (const row of rows) {
    const entry = byOwner.get(row.owner) ?? {
      owner: row.owner,
      done: 0,
      notDone: 0,
    };
    entry[row.done ? 'done' : 'notDone'] += 1;
    byOwner.set(row.owner, entry);
  }
  const share = (o: CampaignOwnerProgress) => o.done / (o.done + o.notDone);
  return [...byOwner.values()].sort(
    (a, b) =>
      b.notDone - a.notDone ||
      share(a) - share(b) ||
      a.owner.localeCompare(b.owner),
  );
}
