import knexFactory, { Knex } from 'knex';

/**
 * Runs `body` with `count` backend replicas sharing the `database`, each started by `start`
 * on a connection pool of its own (as separate processes would have), then stops them and
 * closes their pools, whether `body` passed or not.
 */
export async function withReplicas<R extends { stop(): Promise<void> }>(
  options: {
    database: Knex;
    start: (knex: Knex) => Promise<R>;
    count?: number;
  },
  body: (replicas: R[]) => Promise<void>,
): Promise<void> {
  const connection = options.database.client.config as Knex.Config;
  const pools: Knex[] = [];
  const replicas: R[] = [];
  try {
    for (let i = 0; i < (options.count ?? 2); i++) {
      const knex = knexFactory(connection);
      pools.push(knex);
      replicas.push(await options.start(knex));
    }
    await body(replicas);
  } finally {
    for (const replica of replicas) {
      await replica.stop();
    }
    for (const knex of pools) {
      await knex.destroy();
    }
  }
}
