/*
 * How long a measured step waited on the catalog and on governance's own database. The catalog
 * runs in the bench's process, so a CPU profile mixes its work (and its pg driver's) with ours;
 * the wall time of each catalog request and each governance query tells them apart.
 */
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';

/** Wall time of requests of one kind: their count, their sum and the time any was open. */
class Waits {
  count = 0;
  totalMs = 0;
  busyMs = 0;
  private open = 0;
  private busySince = 0;

  begin(): () => void {
    this.count += 1;
    const start = performance.now();
    if (this.open++ === 0) {
      this.busySince = start;
    }
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const end = performance.now();
      this.totalMs += end - start;
      if (--this.open === 0) {
        this.busyMs += end - this.busySince;
      }
    };
  }

  describe(what: string): string {
    return `${what} ${(this.busyMs / 1000).toFixed(2)} s (${this.count})`;
  }
}

/**
 * Wraps `catalog` so each of its calls can be timed, and listens to every query of the
 * governance database `knex`; between `start()` and `stop()` both are timed: the catalog's
 * requests (its HTTP API, its database, its serialising) against governance's queries (writes
 * of results, reads of facts and stored hashes). What is left of a step's time is governance's
 * own work and the pauses between.
 */
export function watchWaits(catalog: CatalogService, knex: Knex) {
  let current: { catalog: Waits; database: Waits } | undefined;
  const watched = new Proxy(catalog, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') {
        return value;
      }
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        if (current && result instanceof Promise) {
          const end = current.catalog.begin();
          result.then(end, end);
        }
        return result;
      };
    },
  });
  const ends = new Map<string, () => void>();
  // BEGIN and COMMIT come without an id and never get an answer event: not counted.
  knex.on('query', (query: { __knexQueryUid?: string }) => {
    if (current && query.__knexQueryUid) {
      ends.set(query.__knexQueryUid, current.database.begin());
    }
  });
  const onAnswer = (_answer: unknown, query: { __knexQueryUid: string }) => {
    ends.get(query.__knexQueryUid)?.();
    ends.delete(query.__knexQueryUid);
  };
  knex.on('query-response', onAnswer);
  knex.on('query-error', onAnswer);
  return {
    catalog: watched,
    start() {
      current = { catalog: new Waits(), database: new Waits() };
    },
    /** Stops timing; says how long each kind of request was open, and how many there were. */
    stop(): string {
      const waits = current;
      current = undefined;
      return waits
        ? `${waits.catalog.describe(
            'catalog requests open',
          )}, ${waits.database.describe('governance queries open')}`
        : '';
    },
  };
}
