import { Knex } from 'knex';
import { EntityTechnology } from '@catalog-governance/backstage-plugin-governance-common';
import {
  StackException,
  StackStore,
  StoredRadar,
  TechnologyUsage,
} from './StackStore';
import {
  chunks,
  DbTimestamp,
  HiddenEntities,
  isPostgres,
  toIso,
  whereVisible,
} from './util';
import { among, deleteRowsAmong, writeRows } from './writeRows';

const RADAR_ID = 'radar';

interface RadarRow {
  id: string;
  source: string;
  technologies: string;
  problems: string;
  read_at: DbTimestamp | null;
  error: string | null;
  attempted_at: DbTimestamp;
}

/**
 * Inserts the technologies on PostgreSQL as one text per column, a row a line, which it splits
 * and zips: a first pass writes some 45,000 rows, and reading them from JSON objects cost
 * PostgreSQL five times the split (and Node an object per row). Returns false, writing nothing,
 * when a value is empty or holds a line break, which a line cannot carry.
 */
async function insertTechnologyLines(
  tx: Knex.Transaction,
  entities: Parameters<StackStore['replaceEntityTechnologies']>[0],
): Promise<boolean> {
  const lineSafe = (value: string) => value !== '' && !value.includes('\n');
  const refs: string[] = [];
  const categories: string[] = [];
  const names: string[] = [];
  // No ring is an empty line, which the split reads as NULL.
  const rings: string[] = [];
  const cleared: string[] = [];
  for (const { entityRef, technologies } of entities) {
    for (const { category, technology, ring, clearedByAdr } of technologies) {
      if (
        ![entityRef, category, technology].every(lineSafe) ||
        (typeof ring === 'string' && !lineSafe(ring))
      ) {
        return false;
      }
      refs.push(entityRef);
      categories.push(category);
      names.push(technology);
      rings.push(ring ?? '');
      cleared.push(clearedByAdr ? 't' : 'f');
    }
  }
  if (refs.length) {
    await tx.raw(
      `INSERT INTO entity_technologies
         (entity_ref, category, technology, ring, cleared_by_adr)
       SELECT * FROM unnest(string_to_array(?, E'\\n'), string_to_array(?, E'\\n'),
         string_to_array(?, E'\\n'), string_to_array(?, E'\\n', ''),
         string_to_array(?, E'\\n')::boolean[])`,
      [refs, categories, names, rings, cleared].map(values =>
        values.join('\n'),
      ),
    );
  }
  return true;
}

/**
 * The knex implementation of {@link StackStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseStackStore implements StackStore {
  constructor(private readonly db: Knex) {}

  async getRadar(): Promise<StoredRadar | undefined> {
    const row = await this.db<RadarRow>('stack_radar')
      .where({ id: RADAR_ID })
      .first();
    if (!row) {
      return undefined;
    }
    return {
      source: row.source as StoredRadar['source'],
      technologies: JSON.parse(row.technologies),
      problems: JSON.parse(row.problems),
      ...(row.read_at && { readAt: toIso(row.read_at) }),
      ...(row.error && { error: row.error }),
      attemptedAt: toIso(row.attempted_at),
    };
  }

  async storeRadar(
    radar: Pick<StoredRadar, 'source' | 'technologies' | 'problems'>,
    now: Date,
  ): Promise<void> {
    await this.db<RadarRow>('stack_radar')
      .insert({
        id: RADAR_ID,
        source: radar.source,
        technologies: JSON.stringify(radar.technologies),
        problems: JSON.stringify(radar.problems),
        read_at: now,
        error: null,
        attempted_at: now,
      })
      .onConflict('id')
      .merge();
  }

  async storeRadarError(
    source: StoredRadar['source'],
    error: string,
    now: Date,
  ): Promise<void> {
    await this.db<RadarRow>('stack_radar')
      .insert({
        id: RADAR_ID,
        source,
        technologies: '[]',
        problems: '[]',
        read_at: null,
        error,
        attempted_at: now,
      })
      // Keeps the last good technologies: a radar that is briefly unreachable changes nothing.
      .onConflict('id')
      .merge(['source', 'error', 'attempted_at']);
  }

  async listEntityTechnologies(
    entityRefs: string[],
  ): Promise<Map<string, EntityTechnology[]>> {
    const byEntity = new Map<string, EntityTechnology[]>();
    if (entityRefs.length) {
      const rows: Array<{
        entity_ref: string;
        category: EntityTechnology['category'];
        technology: string;
        ring: EntityTechnology['ring'] | null;
        cleared_by_adr: boolean | number;
      }> = await this.db('entity_technologies')
        .where(among(this.db, 'entity_ref', entityRefs))
        .select(
          'entity_ref',
          'category',
          'technology',
          'ring',
          'cleared_by_adr',
        );
      for (const row of rows) {
        const technologies = byEntity.get(row.entity_ref) ?? [];
        technologies.push({
          category: row.category,
          technology: row.technology,
          ...(row.ring && { ring: row.ring }),
          // SQLite stores booleans as 0 and 1.
          clearedByAdr: Boolean(row.cleared_by_adr),
        });
        byEntity.set(row.entity_ref, technologies);
      }
    }
    return byEntity;
  }

  async replaceEntityTechnologies(
    entities: Parameters<StackStore['replaceEntityTechnologies']>[0],
  ): Promise<void> {
    if (!entities.length) {
      return;
    }
    // One statement each: the evaluation replaces a page of a thousand entities at once.
    await this.db.transaction(async tx => {
      await deleteRowsAmong(
        tx,
        'entity_technologies',
        'entity_ref',
        entities.map(e => e.entityRef),
      );
      if (isPostgres(tx) && (await insertTechnologyLines(tx, entities))) {
        return;
      }
      await writeRows(tx, {
        table: 'entity_technologies',
        rows: entities.flatMap(({ entityRef, technologies }) =>
          technologies.map(t => ({
            entity_ref: entityRef,
            category: t.category,
            technology: t.technology,
            ring: t.ring ?? null,
            cleared_by_adr: t.clearedByAdr,
          })),
        ),
      });
    });
  }

  async removeEntityTechnologiesExcept(
    keep: ReadonlySet<string>,
  ): Promise<number> {
    const stored: string[] = await this.listEntityRefsWithTechnologies();
    const gone = stored.filter(ref => !keep.has(ref));
    for (const batch of chunks(gone)) {
      await this.db('entity_technologies')
        .whereIn('entity_ref', batch)
        .delete();
    }
    return gone.length;
  }

  async listTechnologyUsage(
    hidden: HiddenEntities,
  ): Promise<TechnologyUsage[]> {
    const rows = (await whereVisible(
      this.db('entity_technologies')
        .select('technology', 'category')
        .count({ entities: '*' })
        .select(
          this.db.raw(
            'SUM(CASE WHEN cleared_by_adr THEN 1 ELSE 0 END) AS cleared',
          ),
        )
        .groupBy('technology', 'category')
        .orderBy([
          { column: 'technology', order: 'asc' },
          { column: 'category', order: 'asc' },
        ]),
      hidden,
    )) as Array<{
      technology: string;
      category: string;
      entities: number | string;
      cleared: number | string | null;
    }>;
    return rows.map(r => ({
      technology: r.technology,
      category: r.category as TechnologyUsage['category'],
      entities: Number(r.entities),
      clearedByAdr: Number(r.cleared ?? 0),
    }));
  }

  async listEntityRefsWithTechnologies(): Promise<string[]> {
    return this.db('entity_technologies').distinct().pluck('entity_ref');
  }

  async listStackExceptions(): Promise<StackException[]> {
    const rows: Array<{
      entity_ref: string;
      category: string;
      technology: string;
    }> = await this.db('entity_technologies')
      .whereNull('ring')
      .where({ cleared_by_adr: false })
      .select('entity_ref', 'category', 'technology')
      .orderBy(['entity_ref', 'technology']);
    return rows.map(r => ({
      entityRef: r.entity_ref,
      category: r.category as StackException['category'],
      technology: r.technology,
    }));
  }
}
