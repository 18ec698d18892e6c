import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { RELATION_HAS_MEMBER } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Duration } from 'luxon';
import { readEntitiesByRefs } from '../catalog/readEntitiesByRefs';

/** How long a team size is reused: teams change by the week, pages are read by the second. */
const TEAM_SIZE_REUSE = Duration.fromObject({ minutes: 1 });
/** More teams than this and the oldest sizes are read again. */
const MAX_TEAMS = 10_000;

/**
 * The member counts of groups, each read from the catalog at most once a minute.
 *
 * A group's relations name every entity it owns as well as its members: thousands in a big
 * catalog. Reading them on every summary made the catalog parse, send and us parse the whole
 * team each time; the summary now checks that the caller sees the group with a small read and
 * takes the size from here.
 *
 * @internal
 */
export class TeamSizes {
  private readonly sizes = new Map<
    string,
    { readAt: number; count: Promise<number | undefined> }
  >();

  constructor(
    private readonly deps: { catalog: CatalogService; now?: () => number },
  ) {}

  /**
   * The number of `hasMember` relations of a group the caller sees; `undefined` when the
   * catalog no longer has it. `credentials` read it when its size is not known yet.
   */
  memberCount(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<number | undefined> {
    const now = this.deps.now?.() ?? Date.now();
    const known = this.sizes.get(groupRef);
    if (known && now - known.readAt < TEAM_SIZE_REUSE.toMillis()) {
      return known.count;
    }
    if (this.sizes.size >= MAX_TEAMS) {
      this.sizes.clear();
    }
    const count = this.read(groupRef, credentials);
    const entry = { readAt: now, count };
    this.sizes.set(groupRef, entry);
    // A failed read, or a group gone since the caller saw it, is read again next time.
    const forget = () => {
      if (this.sizes.get(groupRef) === entry) this.sizes.delete(groupRef);
    };
    count.then(size => size === undefined && forget(), forget);
    return count;
  }

  private async read(groupRef: string, credentials: BackstageCredentials) {
    const group = (
      await readEntitiesByRefs({
        catalog: this.deps.catalog,
        entityRefs: [groupRef],
        credentials,
        extraFields: ['relations'],
      })
    ).get(groupRef);
    return (
      group &&
      (group.relations ?? []).filter(r => r.type === RELATION_HAS_MEMBER).length
    );
  }
}
