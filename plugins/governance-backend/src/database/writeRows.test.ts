import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { Knex } from 'knex';
import { among, deleteRowsAmong, writeRows } from './writeRows';

async function createTable(knex: Knex, name: string) {
  await knex.schema.createTable(name, table => {
    table.string('key', 255).primary().notNullable();
    table.text('label').nullable();
    table.integer('count').notNullable();
    table.float('share').notNullable();
    table.timestamp('at', { useTz: true }).nullable();
  });
}

const row = (key: string, count: number, at: Date | null = null) => ({
  key,
  label: `"${key}" \\ ${key}\n`,
  count,
  share: count / 3,
  at,
});

describeEachDatabase('many-row writes', ({ empty }) => {
  it('stores every value as knex its own insert does, Dates included', async () => {
    const knex = await empty();
    await createTable(knex, 'by_knex');
    await createTable(knex, 'by_write');
    const rows = [
      row('a', 1, new Date('2026-11-25T00:00:00.123Z')),
      row('b', 2),
      row('c', 0, new Date('2026-12-31T23:59:59.999Z')),
      // Half of a surrogate pair, a whole pair, and text that only looks like an escape.
      { ...row('d', 4), label: 'half \ud83d, whole \ud83d\ude00, \\ud83d' },
    ];
    await knex('by_knex').insert(rows);
    await writeRows(knex, { table: 'by_write', rows });
    expect(await knex('by_write').orderBy('key')).toEqual(
      await knex('by_knex').orderBy('key'),
    );
  });

  it('writes a column that only later rows name, and NULL where a row leaves it out or undefined', async () => {
    const knex = await empty();
    await createTable(knex, 'items');
    const { label: _label, ...unlabelled } = row('b', 2);
    await writeRows(knex, {
      table: 'items',
      rows: [
        { key: 'a', count: 1, share: 1 },
        { ...unlabelled, at: new Date('2026-11-25T00:00:00Z') },
        { ...row('c', 3), label: undefined },
      ],
    });
    const stored = await knex('items').orderBy('key');
    expect(stored.map(r => [r.key, r.label, r.at === null])).toEqual([
      ['a', null, true],
      ['b', null, false],
      ['c', null, true],
    ]);
  });

  it('replaces the other columns of a row with the same key', async () => {
    const knex = await empty();
    await createTable(knex, 'items');
    const at = new Date('2026-11-25T00:00:00Z');
    await writeRows(knex, { table: 'items', rows: [row('a', 1), row('b', 2)] });
    await writeRows(knex, {
      table: 'items',
      rows: [row('b', 5, at), row('c', 3)],
      onConflict: { key: 'key' },
    });
    const stored = await knex('items').orderBy('key');
    expect(stored.map(r => [r.key, r.count, r.share])).toEqual([
      ['a', 1, expect.closeTo(1 / 3)],
      ['b', 5, expect.closeTo(5 / 3)],
      ['c', 3, 1],
    ]);
    expect(new Date(stored[1].at).toISOString()).toBe(at.toISOString());
  });

  it('adds to the named columns of a row with the same key, leaving the others', async () => {
    const knex = await empty();
    await createTable(knex, 'sums');
    await writeRows(knex, {
      table: 'sums',
      rows: [{ key: 'a', label: 'first', count: 2, share: 1 }],
    });
    await writeRows(knex, {
      table: 'sums',
      rows: [
        { key: 'a', label: 'second', count: -5, share: 0.5 },
        { key: 'b', label: 'new', count: 4, share: 0 },
      ],
      onConflict: { key: 'key', add: ['count', 'share'] },
    });
    expect(
      (await knex('sums').orderBy('key')).map(r => [
        r.key,
        r.label,
        r.count,
        r.share,
      ]),
    ).toEqual([
      ['a', 'first', -3, 1.5],
      ['b', 'new', 4, 0],
    ]);
  });

  it('keeps a stored row newer than the written one, on a key of several columns', async () => {
    const knex = await empty();
    await knex.schema.createTable('observations', table => {
      table.string('entity', 255).notNullable();
      table.string('name', 255).notNullable();
      table.integer('value').notNullable();
      table.timestamp('at', { useTz: true }).notNullable();
      table.primary(['entity', 'name']);
    });
    // [entity, name, value, day of December]
    type Observation = [string, string, number, number];
    const rows = (observations: Observation[]) =>
      observations.map(([entity, name, value, day]) => ({
        entity,
        name,
        value,
        at: new Date(Date.UTC(2026, 11, day)),
      }));
    await writeRows(knex, {
      table: 'observations',
      rows: rows([
        ['a', 'coverage', 1, 5],
        ['a', 'latency', 2, 5],
        ['b', 'coverage', 3, 5],
      ]),
    });
    const written: Observation[] = [
      ['a', 'coverage', 10, 4], // older than stored: left as it is
      ['a', 'latency', 20, 5], // as old as stored: written
      ['b', 'coverage', 30, 6], // newer: written
      ['b', 'latency', 40, 1], // new: inserted
    ];
    await writeRows(knex, {
      table: 'observations',
      rows: rows(written),
      onConflict: { key: ['entity', 'name'], newest: 'at' },
    });
    const stored = await knex('observations').orderBy(['entity', 'name']);
    expect(
      stored.map(r => [r.entity, r.name, r.value, new Date(r.at).getUTCDate()]),
    ).toEqual([['a', 'coverage', 1, 5], ...written.slice(1)]);
  });

  it('stores JSON text columns as the very text given, whatever it holds', async () => {
    const knex = await empty();
    await createTable(knex, 'by_knex');
    await createTable(knex, 'by_write');
    const json = (value: unknown) => JSON.stringify(value);
    const labels = [
      json([{ say: 'a "quoted" \\ word', n: 1.5, big: 12345678901234567890 }]),
      json({ unicode: 'é 😀', nested: [[], {}, null, true] }),
      // Escapes JSON.stringify writes: a control character and half of a surrogate pair.
      json(['tab\tbell\u0007', 'nul\u0000']),
      json(['half \ud83d']),
      // JSON texts that are not arrays or objects, and text that is not JSON at all.
      'null',
      '"a string"',
      '42',
      'plain [text',
    ];
    const rows = labels.map((label, index) => ({
      ...row(`k${index}`, index),
      label,
    }));
    await knex('by_knex').insert(rows);
    // One write each: every value alone (the next test writes many rows at once).
    for (const one of rows) {
      await writeRows(knex, {
        table: 'by_write',
        rows: [one],
        jsonText: ['label'],
      });
    }
    expect(await knex('by_write').orderBy('key')).toEqual(
      await knex('by_knex').orderBy('key'),
    );
  });

  it('stores JSON text columns of many rows in one write, a line break or none among them', async () => {
    const knex = await empty();
    await createTable(knex, 'by_knex');
    await createTable(knex, 'by_write');
    const json = [JSON.stringify(['a', 1]), JSON.stringify({ b: '"c"\n' })];
    const writes = [
      json,
      // Text with a line break, an empty text and NULL beside JSON: written another way.
      [...json, 'line\nbreak', '', null],
    ];
    for (const [index, labels] of writes.entries()) {
      const rows = labels.map((label, n) => ({
        ...row(`w${index}-${n}`, n),
        label,
      }));
      await knex('by_knex').insert(rows);
      await writeRows(knex, { table: 'by_write', rows, jsonText: ['label'] });
    }
    expect(await knex('by_write').orderBy('key')).toEqual(
      await knex('by_knex').orderBy('key'),
    );
  });

  it('stores none of the rows when one of them cannot be stored', async () => {
    const knex = await empty();
    await createTable(knex, 'items');
    await writeRows(knex, { table: 'items', rows: [row('a', 1)] });
    const rows = [row('a', 5), row('b', 2), { ...row('c', 3), count: null }];
    // better-sqlite3's errors are not instances of the test realm's Error: matched by message.
    await expect(
      writeRows(knex, { table: 'items', rows, onConflict: { key: 'key' } }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/not.null/i) });
    await expect(
      knex.transaction(tx => writeRows(tx, { table: 'items', rows })),
    ).rejects.toMatchObject({ message: expect.stringMatching(/unique/i) });
    expect(
      (await knex('items').orderBy('key')).map(r => [r.key, r.count]),
    ).toEqual([['a', 1]]);
  });

  it('deletes the rows among the keys that the restriction keeps', async () => {
    const knex = await empty();
    await createTable(knex, 'gone');
    await writeRows(knex, {
      table: 'gone',
      rows: [row('a', 0), row('b', 1), row('c', 0), row("d'", 0)],
    });
    await deleteRowsAmong(knex, 'gone', 'key', ['a', 'b', "d'", 'x'], query =>
      query.where('count', 0),
    );
    await deleteRowsAmong(knex, 'gone', 'key', []);
    expect((await knex('gone').orderBy('key')).map(r => r.key)).toEqual([
      'b',
      'c',
    ]);
  });

  it('reads the rows among keys of any text', async () => {
    const knex = await empty();
    await createTable(knex, 'keys');
    const keys = ['a', '', 'two\nlines', 'q"uote,{x}', "d'", 'back\\slash'];
    await writeRows(knex, {
      table: 'keys',
      rows: [...keys, 'other'].map(key => row(key, 0)),
    });
    const keysAmong = async (values: string[]) =>
      (
        await knex('keys').where(among(knex, 'key', values)).pluck('key')
      ).sort();
    // Keys without a line break, then every key (an empty one and a line break among them).
    expect(
      await keysAmong(['a', 'q"uote,{x}', "d'", 'back\\slash', 'x']),
    ).toEqual(['a', 'back\\slash', "d'", 'q"uote,{x}'].sort());
    expect(await keysAmong(keys)).toEqual([...keys].sort());
    expect(await keysAmong([])).toEqual([]);
  });
});
