import { freshDatabase, reliabilityDatabases } from './databases';
import { ReplicaProcess } from './ReplicaProcess';

jest.setTimeout(900_000);

/** Every tick of the scheduled work comes every 5 seconds, so a run seen twice stands out. */
const governance = {
  scorecard: { frequency: 'PT5S', initialDelay: 'PT2S', timeout: 'PT15S' },
  reviews: {
    triggers: {
      frequency: 'PT5S',
      initialDelay: 'PT2S',
      failingCheck: { gracePeriod: 'PT0S' },
    },
  },
  adrs: { frequency: 'PT5S' },
};

/** The line each task logs when a run ends, with how long the run took. */
const RUN_LINES = {
  evaluation: /Evaluated scorecards of \d+ entities in (\d+) ms/,
  triggers: /Escalation triggers ran \(\d+\) in (\d+) ms/,
  adrs: /Read ADR locations in (\d+) ms:/,
};

/** When each replica started and finished a run of a task, from its log lines. */
function runsOf(replicas: ReplicaProcess[], line: RegExp) {
  return replicas
    .flatMap((replica, index) =>
      replica.logs.split('\n').flatMap(l => {
        const match = line.exec(l);
        const at = Date.parse(l.slice(0, 24));
        return match && !Number.isNaN(at)
          ? [{ replica: index, at, startedAt: at - Number(match[1]) }]
          : [];
      }),
    )
    .sort((a, b) => a.startedAt - b.startedAt);
}

// Replicas share one database only on PostgreSQL.
const onPostgres = reliabilityDatabases().includes('postgres')
  ? describe
  : describe.skip;

onPostgres('three backend replicas on one PostgreSQL', () => {
  it('run each scheduled task once per tick, survive a replica killed mid-evaluation, and never raise an escalation twice', async () => {
    const { database, governanceDb } = freshDatabase('postgres');
    const replicas = [7321, 7322, 7323].map(
      port => new ReplicaProcess({ port, database, governance }),
    );
    const db = governanceDb();
    try {
      // One at a time: the first creates the databases and runs the migrations.
      for (const replica of replicas) {
        await replica.start();
      }
      const [first] = replicas;
      await first.waitFor(
        async () =>
          runsOf(replicas, RUN_LINES.evaluation).length >= 3 &&
          runsOf(replicas, RUN_LINES.triggers).length >= 3 &&
          runsOf(replicas, RUN_LINES.adrs).length >= 3,
        180_000,
        'running the scheduled tasks',
      );

      // Kill whichever replica starts the next evaluation, the moment its log says so.
      let killed = -1;
      replicas.forEach((replica, index) =>
        replica.onOutput(text => {
          if (killed < 0 && text.includes('Evaluating the scorecards')) {
            killed = index;
            replica.kill();
          }
        }),
      );
      await first.waitFor(() => killed >= 0, 60_000, 'starting an evaluation');
      const killedAt = Date.now();
      await replicas[killed].waitUntilExited();

      // The survivors take the task over once the dead replica's claim times out.
      const survivors = replicas.filter((_, i) => i !== killed);
      await survivors[0].waitFor(
        () =>
          runsOf(survivors, RUN_LINES.evaluation).some(
            run => run.at > killedAt,
          ),
        90_000,
        'evaluating on a surviving replica',
      );
      // Watch a few more ticks.
      await new Promise(resolve => setTimeout(resolve, 15_000));

      for (const line of Object.values(RUN_LINES)) {
        const runs = runsOf(replicas, line);
        // Once per tick: a replica claims a run in the database before it starts, so runs of
        // a task never overlap (50 ms for log timestamps rounded to the millisecond)...
        const overlaps = runs
          .slice(1)
          .filter((run, i) => run.startedAt < runs[i].at - 50);
        expect(overlaps).toEqual([]);
        // ...and there are no more runs than 5-second ticks in the window. A late tick may
        // start right after the previous one ends, so gaps alone cannot tell.
        const windowMs = runs[runs.length - 1].at - runs[0].startedAt;
        expect(runs.length).toBeLessThanOrEqual(
          Math.floor(windowMs / 5_000) + 2,
        );
      }
      // Take-over: the evaluations after the kill ran on survivors only. Which replica wins a
      // tick is the scheduler's choice, so the test does not ask for the work to be spread.
      const evaluationsAfterKill = runsOf(
        replicas,
        RUN_LINES.evaluation,
      ).filter(run => run.at > killedAt);
      expect(evaluationsAfterKill.length).toBeGreaterThan(0);
      expect(evaluationsAfterKill.map(run => run.replica)).not.toContain(
        killed,
      );

      // No half-written evaluation: every evaluated entity has its results and vice versa.
      const placements = await db('evaluated_entities').pluck('entity_ref');
      const results = await db('entity_results').pluck('entity_ref');
      expect(new Set(results)).toEqual(new Set(placements));
      expect(placements.length).toBeGreaterThan(10);

      // Escalations: one item per cause, though three replicas ran the triggers.
      const items = await db('review_items')
        .whereNotNull('trigger_id')
        .select('entity_ref', 'trigger_id', 'title');
      expect(items.length).toBeGreaterThan(0);
      const keys = items.map(
        (i: { entity_ref: string; trigger_id: string; title: string }) =>
          `${i.trigger_id} ${i.entity_ref} ${i.title}`,
      );
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await db.destroy();
      await Promise.all(replicas.map(r => r.stop()));
    }
  });
});
