import {
  AnnotationProblemPage,
  AnnotationProblemRecord,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import {
  AnnotationProblemFinding,
  AnnotationProblemStore,
} from './AnnotationProblemStore';
import {
  chunks,
  DbTimestamp,
  HiddenEntities,
  readPage,
  storedTitle,
  toIso,
  whereVisible,
} from './util';

type AnnotationProblemRow = {
  entity_ref: string;
  annotation_key: string;
  value: string;
  allowed: string;
  severity: AnnotationProblemRecord['severity'];
  title: string | null;
  owner: string | null;
  source_location: string | null;
  recorded_at: DbTimestamp;
};

function rowToRecord(row: AnnotationProblemRow): AnnotationProblemRecord {
  return {
    entityRef: row.entity_ref,
    key: row.annotation_key,
    value: row.value,
    allowed: row.allowed,
    severity: row.severity,
    ...(row.title !== null && { title: row.title }),
    ...(row.owner !== null && { owner: row.owner }),
    ...(row.source_location !== null && {
      sourceLocation: row.source_location,
    }),
    recordedAt: toIso(row.recorded_at),
  };
}

/**
 * Knex implementation of {@link AnnotationProblemStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseAnnotationProblemStore implements AnnotationProblemStore {
  constructor(private readonly db: Knex) {}

  async replaceAnnotationProblems(
    findings: AnnotationProblemFinding[],
    recordedAt: Date,
  ): Promise<void> {
    // One row per entity and key: the first finding wins, and the scan lists held back first.
    const unique = new Map<string, AnnotationProblemRow>();
    for (const finding of findings) {
      const id = `${finding.entityRef}\u0000${finding.key}`;
      if (!unique.has(id)) {
        unique.set(id, {
          entity_ref: finding.entityRef,
          annotation_key: finding.key,
          value: finding.value,
          allowed: finding.allowed,
          severity: finding.severity,
          title: storedTitle(finding.title),
          owner: finding.owner ?? null,
          source_location: finding.sourceLocation ?? null,
          recorded_at: recordedAt,
        });
      }
    }
    await this.db.transaction(async tx => {
      await tx('annotation_problems').delete();
      for (const batch of chunks([...unique.values()], 50)) {
        await tx('annotation_problems').insert(batch);
      }
    });
  }

  async listAnnotationProblems(
    filter: { owner?: string },
    page: { offset: number; limit: number },
    hidden: HiddenEntities,
  ): Promise<AnnotationProblemPage> {
    const filtered = () => {
      const query = whereVisible(this.db('annotation_problems'), hidden);
      if (filter.owner === '') {
        query.whereNull('owner');
      } else if (filter.owner !== undefined) {
        query.where('owner', filter.owner);
      }
      return query;
    };
    const { rows, ...counted } = await readPage<AnnotationProblemRow>(
      filtered,
      page,
      query =>
        query.select('*').orderBy([
          { column: 'severity', order: 'asc' },
          { column: 'entity_ref', order: 'asc' },
          { column: 'annotation_key', order: 'asc' },
        ]),
    );
    return { items: rows.map(rowToRecord), ...counted };
  }

  async listAnnotationProblemEntityRefs(): Promise<string[]> {
    const rows: { entity_ref: string }[] = await this.db('annotation_problems')
      .distinct('entity_ref')
      .orderBy('entity_ref');
    return rows.map(row => row.entity_ref);
  }
}
