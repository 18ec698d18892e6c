/*
 * Shared by the benchmarks (this package's bench/ folder and packages/tech-insights-comparison):
 * each writes its own section of docs/benchmarks.md, or of docs/reliability.md for the fuzzing
 * bench.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The machine a figure was measured on, as every section's header states it.
 *
 * @public
 */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} x ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(
    os.totalmem() / 2 ** 30,
  )} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/**
 * The documents a section can go to.
 *
 * @public
 */
export type ReportDocument = 'benchmarks' | 'reliability';

const TITLES: Record<ReportDocument, string> = {
  benchmarks: 'Benchmarks',
  reliability: 'Reliability',
};

function header(document: ReportDocument): string {
  return [
    `# ${TITLES[document]}`,
    '',
    'Written by `yarn bench` (plugins/governance-backend/bench). Every figure below was measured by',
    'the run it reports; re-run the command to refresh it. Each section has its own command line',
    'settings and date.',
    '',
    `- Command: \`yarn bench\``,
    `- Machine: ${machine()}`,
    '',
  ].join('\n');
}

/**
 * scripts/bench.sh names the output, as the benchmarks run from the package folder. The
 * reliability document sits next to the benchmarks one unless named on its own.
 */
function reportFile(document: ReportDocument): string {
  const benchmarks = process.env.GOVERNANCE_BENCH_OUTPUT ?? 'benchmarks.md';
  if (document === 'benchmarks') {
    return path.resolve(benchmarks);
  }
  return path.resolve(
    process.env.GOVERNANCE_RELIABILITY_OUTPUT ??
      path.join(path.dirname(benchmarks), 'reliability.md'),
  );
}

const sectionMarkers = (id: string) => ({
  start: `<!-- section:${id} -->`,
  end: `<!-- /section:${id} -->`,
});

/**
 * The section `id` as the document holds it now, between its markers, for a benchmark that
 * keeps part of an earlier run's figures (e.g. the rows of a database it did not run this time).
 *
 * @param id - The section's id, as given to {@link writeReportSection}
 * @param document - Where the section is
 * @returns The section's markdown, or undefined when the document does not have it
 * @public
 */
export function readReportSection(
  id: string,
  document: ReportDocument = 'benchmarks',
): string | undefined {
  const file = reportFile(document);
  const doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const { start, end } = sectionMarkers(id);
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  return from >= 0 && to > from
    ? doc.slice(from + start.length, to).trim()
    : undefined;
}

/**
 * Replaces (or adds) one section of the benchmark document, so running one benchmark file keeps
 * the figures of the others. `scripts/bench.sh` names the documents (`GOVERNANCE_BENCH_OUTPUT`,
 * `GOVERNANCE_RELIABILITY_OUTPUT`); the section is also printed.
 *
 * @param id - The section's id, unique within its document
 * @param markdown - The section, from its heading on; its date is added
 * @param document - Where the section goes
 * @public
 */
export function writeReportSection(
  id: string,
  markdown: string,
  document: ReportDocument = 'benchmarks',
): void {
  const file = reportFile(document);
  const { start, end } = sectionMarkers(id);
  const section = `${start}\n${markdown.trim()}\n\n- Date: ${new Date().toISOString()}\n${end}`;
  let doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (!doc.includes('<!-- section:')) {
    doc = `${header(document)}\n`;
  }
  doc = doc.includes(start)
    ? doc.slice(0, doc.indexOf(start)) +
      section +
      doc.slice(doc.indexOf(end) + end.length)
    : `${doc.trimEnd()}\n\n${section}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, doc);
  // Printed as well, so a run shows its figures without opening the document.
  process.stdout.write(`${section}\n`);
}
