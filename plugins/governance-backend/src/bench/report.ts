/* Shared by the benchmark files: each writes its own section of docs/benchmarks.md. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function header(): string {
  const cpus = os.cpus();
  return [
    '# Benchmarks',
    '',
    'Written by `yarn bench` (plugins/governance-backend/src/bench). Every figure below was measured by',
    'the run it reports; re-run the command to refresh it. Each section has its own command line',
    'settings and date.',
    '',
    `- Command: \`yarn bench\``,
    `- Machine: ${cpus.length} x ${
      cpus[0]?.model ?? 'unknown CPU'
    }, ${Math.round(
      os.totalmem() / 2 ** 30,
    )} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
    '',
  ].join('\n');
}

/**
 * Replaces (or adds) one section of the benchmark document, so running one benchmark file keeps
 * the figures of the others.
 */
export function writeReportSection(id: string, markdown: string) {
  // scripts/bench.sh names the output, as the benchmarks run from the package folder.
  const file = path.resolve(
    process.env.GOVERNANCE_BENCH_OUTPUT ?? 'benchmarks.md',
  );
  const start = `<!-- section:${id} -->`;
  const end = `<!-- /section:${id} -->`;
  const section = `${start}\n${markdown.trim()}\n\n- Date: ${new Date().toISOString()}\n${end}`;
  let doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (!doc.includes('<!-- section:')) {
    doc = `${header()}\n`;
  }
  doc = doc.includes(start)
    ? doc.slice(0, doc.indexOf(start)) +
      section +
      doc.slice(doc.indexOf(end) + end.length)
    : `${doc.trimEnd()}\n\n${section}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, doc);
  // eslint-disable-next-line no-console
  console.log(section);
}
