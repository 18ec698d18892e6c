// @ts-check

/**
 * Scorecard storage per entity instead of per check: the current results of an entity in one
 * row, and its history as one row per evaluation that changed something, listing the checks
 * that changed. A fifth of the rows to write on a full evaluation and about half the bytes per
 * simulated year (docs/benchmarks.md). Existing rows are carried over.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('entity_results', table => {
    table.comment(
      'The current results of every check of each evaluated entity',
    );
    table.string('entity_ref', 255).primary().notNullable();
    table
      .text('results')
      .notNullable()
      .comment('JSON array of CheckResult, in scorecard order');
    table
      .timestamp('written_at', { useTz: true })
      .notNullable()
      .comment('When the results last changed');
  });

  await knex.schema.createTable('scorecard_history', table => {
    table.comment(
      'A row per evaluation of an entity that changed a check state or value',
    );
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table
      .text('changes')
      .notNullable()
      .comment('JSON array of { checkId, state, actual? }');
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'changed_at'], 'scorecard_history_entity_idx');
  });

  const results = await knex('check_results')
    .select('entity_ref', 'result', 'evaluated_at')
    .orderBy(['entity_ref', 'position']);
  /** @type {Map<string, { results: any[], writtenAt: any }>} */
  const byEntity = new Map();
  for (const row of results) {
    const entry = byEntity.get(row.entity_ref) ?? {
      results: /** @type {any[]} */ ([]),
      writtenAt: row.evaluated_at,
    };
    entry.results.push(JSON.parse(row.result));
    if (new Date(row.evaluated_at) > new Date(entry.writtenAt)) {
      entry.writtenAt = row.evaluated_at;
    }
    byEntity.set(row.entity_ref, entry);
  }
  const resultRows = [...byEntity].map(([entityRef, entry]) => ({
    entity_ref: entityRef,
    results: JSON.stringify(entry.results),
    written_at: new Date(entry.writtenAt),
  }));
  for (let i = 0; i < resultRows.length; i += 200) {
    await knex('entity_results').insert(resultRows.slice(i, i + 200));
  }

  const history = await knex('check_history')
    .select('entity_ref', 'check_id', 'state', 'actual', 'changed_at')
    .orderBy('id');
  /** @type {Map<string, { entityRef: string, changedAt: any, changes: any[] }>} */
  const evaluations = new Map();
  for (const row of history) {
    const key = `${row.entity_ref} ${new Date(row.changed_at).toISOString()}`;
    const entry = evaluations.get(key) ?? {
      entityRef: row.entity_ref,
      changedAt: row.changed_at,
      changes: /** @type {any[]} */ ([]),
    };
    entry.changes.push({
      checkId: row.check_id,
      state: row.state,
      ...(row.actual !== null ? { actual: row.actual } : {}),
    });
    evaluations.set(key, entry);
  }
  const historyRows = [...evaluations.values()].map(entry => ({
    entity_ref: entry.entityRef,
    changes: JSON.stringify(entry.changes),
    changed_at: new Date(entry.changedAt),
  }));
  for (let i = 0; i < historyRows.length; i += 200) {
    await knex('scorecard_history').insert(historyRows.slice(i, i + 200));
  }

  await knex.schema.dropTable('check_history');
  await knex.schema.dropTable('check_results');
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.createTable('check_results', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 127).notNullable();
    table.integer('position').notNullable();
    table.string('state', 15).notNullable();
    table.text('result').notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'check_id']);
    table.index(['state'], 'check_results_state_idx');
  });
  await knex.schema.createTable('check_history', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 127).notNullable();
    table.string('state', 15).notNullable();
    table.text('actual').nullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'changed_at'], 'check_history_entity_idx');
  });
  for (const row of await knex('entity_results')) {
    const results = JSON.parse(row.results);
    if (results.length) {
      await knex('check_results').insert(
        results.map(
          (/** @type {any} */ result, /** @type {number} */ position) => ({
            entity_ref: row.entity_ref,
            check_id: result.checkId,
            position,
            state: result.state,
            result: JSON.stringify(result),
            evaluated_at: row.written_at,
          }),
        ),
      );
    }
  }
  for (const row of await knex('scorecard_history').orderBy('id')) {
    const changes = JSON.parse(row.changes);
    if (changes.length) {
      await knex('check_history').insert(
        changes.map((/** @type {any} */ change) => ({
          entity_ref: row.entity_ref,
          check_id: change.checkId,
          state: change.state,
          actual: change.actual ?? null,
          changed_at: row.changed_at,
        })),
      );
    }
  }
  await knex.schema.dropTable('scorecard_history');
  await knex.schema.dropTable('entity_results');
};
