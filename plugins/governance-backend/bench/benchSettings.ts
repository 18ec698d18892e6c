/*
 * Settings more than one bench reads from the environment, read in one place so the benches
 * that report them measure the same thing.
 */

/** How many synthetic entities the scale benches govern: BENCH_ENTITIES, 10,000 unless set. */
export const BENCH_ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
/** How many days of history the history benches simulate: BENCH_DAYS, a year unless set. */
export const BENCH_DAYS = Number(process.env.BENCH_DAYS ?? 365);
