/*
 * `yarn replicas`: three governance backend replicas on ports 7321-7323 sharing the throwaway
 * PostgreSQL of scripts/postgres.sh, with scheduled work every few seconds, until Ctrl-C.
 * Watch their logs take turns; kill one (its pid is printed) and watch the others carry on.
 */
import { freshDatabase } from './databases';
import { ReplicaProcess } from './ReplicaProcess';

async function main() {
  const { database } = freshDatabase('postgres');
  const replicas = [7321, 7322, 7323].map(
    port =>
      new ReplicaProcess({
        port,
        database,
        governance: {
          scorecard: {
            frequency: 'PT10S',
            initialDelay: 'PT5S',
            timeout: 'PT30S',
          },
          reviews: { triggers: { frequency: 'PT10S', initialDelay: 'PT5S' } },
          adrs: { frequency: 'PT10S' },
        },
      }),
  );
  replicas.forEach((replica, index) =>
    replica.onOutput(text =>
      text
        .split('\n')
        .filter(line =>
          /Evaluated scorecards|Escalation triggers ran|Read ADR locations/.test(
            line,
          ),
        )
        .forEach(line =>
          process.stdout.write(`[replica ${index + 1}] ${line}\n`),
        ),
    ),
  );
  process.on('SIGINT', async () => {
    await Promise.all(replicas.map(r => r.stop()));
    process.exit(0);
  });
  for (const replica of replicas) {
    await replica.start();
    process.stdout.write(`Replica ready on ${replica.baseUrl}\n`);
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
