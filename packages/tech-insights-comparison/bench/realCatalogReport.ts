/*
 * The real-catalog bench's report (realCatalog.bench.ts): the rows its steps measure, and the
 * docs/benchmarks.md sections written from them, one on how it measures and one per catalog size.
 */
import {
  machine,
  readReportSection,
  writeReportSection,
} from '@catalog-governance/backstage-plugin-governance-backend/testUtils';
import type { Profiler } from 'node:inspector';
import { topFrames } from './cpuProfile';
import { KEEP } from './keptCatalog';
import { CATALOG_SETTINGS, RealCatalogDatabase } from './realCatalogBackend';
import {
  DATABASES,
  FACTS_PER_PUSH,
  HEAP_SENSITIVE,
  INGEST_MINUTES,
  LOAD_CLIENTS,
  LOAD_SECONDS,
  MiB,
  SQLITE_MAX,
  TECH_INSIGHTS_SIZE,
} from './realCatalogSettings';

/** The report's rows by catalog size: each size has a section of its own, as each may run alone. */
const rows = new Map<number, string[]>();
/** Whether a target was met; a missed one says where the time went, when it was profiled. */
function verdict(met?: boolean, profile?: Profiler.Profile): string {
  if (met === undefined) return '';
  if (met) return 'met';
  return `**MISSED**${profile ? `; profile: ${topFrames(profile)}` : ''}`;
}

export const row = (
  db: string,
  n: number,
  measurement: string,
  result: string,
  target = '',
  met?: boolean,
  profile?: Profiler.Profile,
) =>
  rows.set(n, [
    ...(rows.get(n) ?? []),
    `| ${db} | ${n.toLocaleString('en')} | ${measurement} | ${result} | ${
      target || 'none'
    } | ${verdict(met, profile)} |`,
  ]);

export const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;

/** The databases each size ran with; `-t PostgreSQL` leaves SQLite out. */
export const ran = new Map<number, Set<RealCatalogDatabase>>();

/**
 * A size's table rows, database by database: this run's, and for a database this run left out
 * (`-t PostgreSQL`) the rows the report already has, so a run of one database keeps the other's
 * figures; a note names the run they are from.
 */
function sectionRows(n: number): { rows: string[]; notes: string[] } {
  const earlier = readReportSection(`real-catalog-${n}`)?.split('\n') ?? [];
  const earlierDate = earlier
    .find(line => line.startsWith('- Date: '))
    ?.slice('- Date: '.length);
  const ofDatabase = (lines: string[], database: string) =>
    lines.filter(line => line.startsWith(`| ${database} |`));
  const notes: string[] = [];
  const sizeRows = DATABASES.flatMap(database => {
    if (ran.get(n)?.has(database)) {
      const current = ofDatabase(rows.get(n) ?? [], database);
      const measurement = (line: string) => line.split(' | ')[2];
      const measured = new Set(current.map(measurement));
      // The first evaluation's rows of an earlier run with other heap flags, for comparison.
      const otherHeap = ofDatabase(earlier, database).filter(
        line =>
          HEAP_SENSITIVE.some(kind => measurement(line).startsWith(kind)) &&
          !measured.has(measurement(line)),
      );
      return [...current, ...otherHeap];
    }
    const kept = ofDatabase(earlier, database);
    if (kept.length) {
      // Kept twice, the rows keep the date of the run that measured them.
      const notRun = `- ${database}: not run this time;`;
      notes.push(
        earlier.find(line => line.startsWith(notRun)) ??
          `${notRun} its rows are from the run of ${
            earlierDate ?? 'an unknown date'
          }.`,
      );
    }
    return kept;
  });
  return { rows: sizeRows, notes };
}

/** How the real-catalog figures are measured: its own section, above one section per size. */
const NOTES = [
  "## Real catalog (Backstage's catalog backend)",
  '',
  '`yarn bench realCatalog` (packages/tech-insights-comparison/bench/realCatalog.bench.ts): issue 20.',
  '`BENCH_REAL_ENTITIES` picks the sizes (default `10000,100000`); each size writes its own section',
  'below, with its command, machine and date.',
  '',
  '- One test backend runs `@backstage/plugin-catalog-backend` and the governance backend, each',
  '  plugin with a database of its own on the server (`backend.database`, as in production).',
  '  The catalog ingests the services, their systems, teams (Group) and domains from generated',
  '  YAML files through `catalog.locations` of type `file` (1,000 entities a file); the bench',
  "  polls the catalog's API until it serves them all. Its re-processing interval is set to a",
  '  day, so its background refresh does not compete with the measured steps. Ingestion longer',
  '  than `BENCH_REAL_INGEST_MINUTES` is stopped and reported as a rate. Our catalog module',
  '  (`catalog-backend-module-governance`) validates every entity, as in a real install.',
  `  Catalog settings: ${CATALOG_SETTINGS}.`,
  '- `BENCH_REAL_KEEP=1` keeps the ingested catalog (PostgreSQL database',
  '  `gov_real_catalog_<size>`; the YAML files and SQLite under `BENCH_REAL_KEEP_DIR`, default',
  '  `<tmp>/gov-real-catalogs`) and a later run reuses a complete kept catalog of the same size',
  '  and generator instead of ingesting: its ingestion row is the kept run\'s, marked "from the',
  '  kept catalog of <date>", and its catalog does no processing while governance is measured.',
  "  Governance's and Tech Insights' databases are new on every run, so the first evaluation is",
  '  a first one. `BENCH_REAL_INGEST_ONLY=1` stops after the ingestion and writes no section:',
  '  ingest on a busy machine, measure on a quiet one.',
  "- Governance's evaluation reads the governed entities and the systems through the catalog",
  "  service (the catalog's HTTP API on loopback), as its scheduled task does, and stores its",
  '  results in its own database. Facts: the three measured facts of every service are pushed',
  `  before the first evaluation through \`POST /api/governance/facts\` with a service token, as a`,
  `  pipeline sends them, ${FACTS_PER_PUSH.toLocaleString(
    'en',
  )} facts a request, one request after the other; for the day with 1% changed, new`,
  '  coverage and p95 latency of 1% of the services are pushed the same way, then all are',
  '  evaluated.',
  "- Peak RSS: the kernel's high-water mark of the process (VmHWM, reset through",
  '  /proc/self/clear_refs before the evaluation); the process is the backend (catalog,',
  '  governance and, at 10,000, Tech Insights) plus the jest runner. Start-up RSS is taken',
  '  once the backend has started, before ingestion, after one forced garbage collection: the',
  '  generated entities the bench built before are garbage by then, and whether V8 had happened',
  '  to collect them moved the figure by 150 MiB at 100,000 (at 10,000 it holds the facts Tech',
  '  Insights retrieves). "Before the evaluation"',
  "  follows the ingestion and the push of the facts. V8's used heap (live objects and garbage",
  '  not yet collected) is sampled every 100 ms: its highest value during the evaluation against',
  "  its value before. No other garbage collection is forced. The log has the process's",
  '  memory (RSS, V8 heap, Buffers outside it) at the end of each step and at its highest.',
  "  V8 sizes its heap from the machine's memory (its limit is in the row): on a large machine",
  '  it lets garbage grow to several times the live heap before collecting it. A run with',
  '  `NODE_OPTIONS=--max-old-space-size=<MiB>` names the flag in its first-evaluation rows and',
  '  keeps the rows of the run without it, so both are reported (docs/install.md, "Memory").',
  "- Waits: each catalog request and each query of governance's database is timed during the",
  '  evaluations; "open" is the time any request of the kind was open (they overlap with each',
  "  other and with governance's own work, as pages are read ahead and written behind).",
  "  The evaluations' process CPU is every thread's (the catalog's answers, governance's work,",
  '  the database drivers): on a shared machine it moves far less than their wall time.',
  '  `BENCH_PROFILE_DIR` writes the profiles as `.cpuprofile` files.',
  `- Load: autocannon from a worker thread, ${LOAD_CLIENTS} connections for ${LOAD_SECONDS} s, sharing the cores`,
  '  with the backend and the database; any non-2xx response fails the run. The row of the',
  "  catalog alone sends the catalog, for the summary's entities, the request each summary",
  '  makes of it (`POST /api/catalog/entities/by-refs`: the entity and its owning group, the',
  '  fields the summary shows, the same user token): the floor of the summary while its',
  "  permission check goes through the catalog; the summary's time beyond it is governance's.",
  "- Every step with a target runs under V8's sampling profiler (10 ms interval, as",
  '  `node --cpu-prof`); a missed target lists the five functions with the most self time.',
  '  `(idle)` is time spent waiting for the database or the catalog.',
  `- Tech Insights (${TECH_INSIGHTS_SIZE.toLocaleString(
    'en',
  )} entities, PostgreSQL): the same plugin, JSON rules checks and fact retrievers`,
  '  as the "Tech Insights side by side" section, in the same backend, reading entities from the',
  "  real catalog; its ratio is against governance's first full evaluation of the same run.",
].join('\n');

/** Writes the report's sections: how it measures, then each size this run measured. */
export function writeRealCatalogReport(): void {
  writeReportSection('real-catalog', NOTES);
  for (const n of ran.keys()) {
    const { rows: sizeRows, notes } = sectionRows(n);
    writeReportSection(
      `real-catalog-${n}`,
      [
        `### Real catalog, ${n.toLocaleString('en')} entities`,
        '',
        `- Command: \`${
          KEEP ? 'BENCH_REAL_KEEP=1 ' : ''
        }BENCH_REAL_ENTITIES=${n} yarn bench realCatalog\`;`,
        `  BENCH_REAL_INGEST_MINUTES=${INGEST_MINUTES}, BENCH_REAL_SQLITE_MAX=${SQLITE_MAX}, BENCH_LOAD_SECONDS=${LOAD_SECONDS}.`,
        `- Machine: ${machine()}. ${
          process.env.BENCH_REAL_MACHINE_NOTE ??
          'The machine was shared with other work while this ran: figures are indicative.'
        }`,
        ...notes,
        '',
        '| database | entities | measurement | result | target | |',
        '|---|---|---|---|---|---|',
        ...sizeRows,
      ].join('\n'),
    );
  }
}
