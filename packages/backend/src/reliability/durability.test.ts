import { freshDatabase, reliabilityDatabases } from './databases';
import { ReplicaProcess } from './ReplicaProcess';

jest.setTimeout(600_000);

const ENTITY = 'component:default/payments-api';

describe.each(reliabilityDatabases())(
  'writes acknowledged before a SIGKILL, on %s',
  kind => {
    it('are all there after the backend restarts', async () => {
      const { database, governanceDb } = freshDatabase(kind);
      const replica = new ReplicaProcess({
        port: kind === 'sqlite' ? 7311 : 7312,
        database,
        // Every acknowledged source is checked below, so none may give way to the cap.
        governance: { scorecard: { maxSourcesPerFact: 100_000 } },
      });
      try {
        await replica.start();
        const token = await replica.guestToken();
        await replica.waitFor(
          async () =>
            (
              await replica.request(
                'GET',
                '/api/catalog/entities/by-name/component/default/payments-api',
                { token },
              )
            ).status === 200,
          120_000,
          'showing the example catalog',
        );
        const created = await replica.request(
          'POST',
          '/api/governance/reviews',
          {
            token,
            body: {
              entityRef: ENTITY,
              kind: 'design-review',
              title: 'Durable',
            },
          },
        );
        expect(created.status).toBe(201);
        const reviewId = created.body.id;

        // Two writers, as CI pipelines and a council member would be, until the process dies.
        const ackedFacts: string[] = [];
        const ackedDueDates: string[] = [];
        let stop = false;
        const pushFacts = async () => {
          for (let n = 0; !stop; n++) {
            const source = `durability/run-${n}`;
            const res = await replica
              .request('POST', '/api/governance/facts', {
                body: {
                  entityRef: ENTITY,
                  name: 'coverage',
                  value: n % 100,
                  source,
                },
              })
              .catch(() => undefined);
            if (res && res.status >= 200 && res.status < 300) {
              // The stored source records who pushed it: here the CI token's subject.
              ackedFacts.push(`${source} via ci-facts`);
            }
          }
        };
        const editReview = async () => {
          let version = 1;
          for (let n = 0; !stop; n++) {
            const dueDate = new Date(Date.UTC(2027, 0, 1 + n))
              .toISOString()
              .slice(0, 10);
            const res = await replica
              .request('PATCH', `/api/governance/reviews/${reviewId}`, {
                token,
                body: { version, dueDate },
              })
              .catch(() => undefined);
            if (res?.status === 200) {
              ackedDueDates.push(dueDate);
              version = res.body.version;
            }
          }
        };
        const writers = [pushFacts(), editReview()];
        // Let acknowledged writes pile up, then kill mid-stream, requests in flight.
        await replica.waitFor(
          () => ackedFacts.length >= 40 && ackedDueDates.length >= 20,
          120_000,
          'acknowledging writes',
        );
        replica.kill();
        await replica.waitUntilExited();
        stop = true;
        await Promise.all(writers);

        await replica.start();
        const db = governanceDb();
        try {
          const stored = new Set(
            (
              await db('facts')
                .where({ entity_ref: ENTITY, name: 'coverage' })
                .select('source')
            ).map((row: { source: string }) => row.source),
          );
          expect(ackedFacts.filter(source => !stored.has(source))).toEqual([]);
        } finally {
          await db.destroy();
        }
        const review = await replica.request(
          'GET',
          `/api/governance/reviews/${reviewId}`,
          { token: await replica.guestToken() },
        );
        const applied = review.body.history
          .filter((h: { action: string }) => h.action === 'updated')
          .map((h: { changes: { to: string }[] }) => h.changes[0].to);
        expect(ackedDueDates.filter(d => !applied.includes(d))).toEqual([]);
        expect(review.body.version).toBeGreaterThanOrEqual(
          1 + ackedDueDates.length,
        );
      } finally {
        await replica.stop();
      }
    });
  },
);
