import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { isoTimestampColumn } from './util';

// Times from 1970 to 2100, seeded so a failure can be repeated.
function someTimes(count: number): string[] {
  let seed = 20261207;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, () =>
    new Date(Math.floor(next() * Date.UTC(2100, 0, 1))).toISOString(),
  );
}

const times = [
  '1970-01-01T00:00:00.000Z',
  '2026-11-25T00:00:00.001Z',
  '2026-12-07T11:59:59.999Z',
  '2026-12-31T23:59:59.999Z',
  '2028-02-29T12:34:56.789Z',
  '9999-12-31T23:59:59.999Z',
  // Before 1970 SQLite holds a negative number of milliseconds.
  '1969-07-20T20:17:40.123Z',
  // Several on one day, and a day's first and last millisecond.
  '2026-12-07T00:00:00.000Z',
  '2026-12-07T09:05:03.007Z',
  '2026-12-07T23:59:59.999Z',
  ...someTimes(2000),
];

describeEachDatabase('isoTimestampColumn', ({ empty }) => {
  it('reads back every stored time as the ISO text of the Date written', async () => {
    const knex = await empty();
    await knex.schema.createTable('stamps', table => {
      table.integer('id').primary();
      table.timestamp('at', { useTz: true }).notNullable();
    });
    await knex.batchInsert(
      'stamps',
      times.map((at, index) => ({ id: index, at: new Date(at) })),
      400,
    );
    const at = isoTimestampColumn(knex, 'at');
    const rows = await knex('stamps').orderBy('id').select('id', at.select);
    expect(rows.map(row => at.readIso(row.at))).toEqual(times);
  });

  it('reads a time written as text (SQLite keeps it as text) as the ISO text of the same moment', async () => {
    const knex = await empty();
    await knex.schema.createTable('texts', table => {
      table.integer('id').primary();
      table.timestamp('at', { useTz: true }).notNullable();
    });
    await knex('texts').insert([
      { id: 1, at: '2026-12-07T11:00:00.000Z' },
      { id: 2, at: '2026-12-07T12:00:00+01:00' },
    ]);
    const at = isoTimestampColumn(knex, 'at');
    const rows = await knex('texts').orderBy('id').select('id', at.select);
    expect(rows.map(row => at.readIso(row.at))).toEqual([
      '2026-12-07T11:00:00.000Z',
      '2026-12-07T11:00:00.000Z',
    ]);
  });
});
