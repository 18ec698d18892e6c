// Writes the "Before and after the restructuring (issue 15)" section from the reports of
// scripts/bench-compare.sh's runs (base, current, base, current): first full evaluation and
// GET /summary p95 per database, each run's figure and the verdict.
//   node scripts/bench-compare.mjs --output <file> --base <rev> --current <rev> --command <text>
//     <base-1.md> <current-1.md> <base-2.md> <current-2.md>
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';

const { values: options, positionals: reports } = parseArgs({
  options: {
    output: { type: 'string' },
    base: { type: 'string' },
    current: { type: 'string' },
    command: { type: 'string' },
  },
  allowPositionals: true,
});
if (
  !options.output ||
  !options.base ||
  !options.current ||
  reports.length !== 4
) {
  throw new Error(
    'usage: bench-compare.mjs --output <file> --base <rev> --current <rev> --command <text> <base-1> <current-1> <base-2> <current-2>',
  );
}

/** The two figures issue 15 names, found in a scorecard report's rows by their measurement. */
const FIGURES = [
  {
    name: 'first full evaluation',
    unit: 's',
    read: (measurement, result) =>
      measurement.startsWith('first full evaluation') &&
      /^([\d.]+) s$/.exec(result)?.[1],
  },
  {
    name: 'GET /summary p95 (8 connections)',
    unit: 'ms',
    read: (measurement, result) =>
      measurement.startsWith('HTTP GET /summary') &&
      /p95 ([\d.]+) ms/.exec(result)?.[1],
  },
];
const DATABASES = ['PostgreSQL 15', 'SQLite (file)'];

/** Each database's figures in a report's scorecards section: `{ [database]: { [figure]: number } }`. */
function readReport(file) {
  const figures = {};
  const text = fs.readFileSync(file, 'utf8');
  const section = text.slice(
    text.indexOf('<!-- section:scorecards -->'),
    text.indexOf('<!-- /section:scorecards -->'),
  );
  for (const line of section.split('\n')) {
    const [database, measurement, result] = line
      .split(' | ')
      .map(cell => cell.replace(/^\| /, ''));
    if (!DATABASES.includes(database) || result === undefined) continue;
    for (const figure of FIGURES) {
      const value = figure.read(measurement, result);
      if (value) (figures[database] ??= {})[figure.name] = Number(value);
    }
  }
  return figures;
}

const [base1, current1, base2, current2] = reports.map(readReport);
const spread = (a, b) => Math.abs(a - b) / Math.min(a, b);
const percent = x => `${(x * 100).toFixed(0)}%`;

const rows = [];
const verdicts = [];
for (const database of DATABASES) {
  for (const { name, unit } of FIGURES) {
    const base = [base1, base2].map(r => r[database]?.[name]);
    const current = [current1, current2].map(r => r[database]?.[name]);
    const show = runs => runs.map(v => `${v} ${unit}`).join(', ');
    if ([...base, ...current].some(v => v === undefined)) {
      rows.push(`| ${database} | ${name} | not measured in every run | | | |`);
      verdicts.push('not measured');
      continue;
    }
    // The noise of this machine for this figure: how far the two runs of the same tree differ.
    const noise = Math.max(spread(...base), spread(...current));
    const bestBase = Math.min(...base);
    const bestCurrent = Math.min(...current);
    const verdict =
      bestCurrent <= bestBase * (1 + noise) ? 'no worse' : '**worse**';
    verdicts.push(verdict);
    rows.push(
      `| ${database} | ${name} | ${show(base)} | ${show(current)} | ${percent(
        bestCurrent / bestBase - 1,
      )} (noise ${percent(noise)}) | ${verdict} |`,
    );
  }
}
const overall = verdicts.every(v => v === 'no worse')
  ? 'no worse'
  : verdicts.includes('**worse**')
  ? '**worse**'
  : 'not measured';

const cpus = os.cpus();
const env = name => process.env[name] ?? '';
const id = 'before-after-issue-15';
const section = [
  `<!-- section:${id} -->`,
  '## Before and after the restructuring (issue 15)',
  '',
  `Written by \`${options.command}\`: the scorecard bench of the base (${options.base}, a git`,
  'worktree under /tmp, installed with the same Yarn and Node) and of the current tree',
  `(${options.current}) with the base's workload (\`BENCH_WORKLOAD=base\`: the tier checks on the three`,
  'measured facts; no approved-stack, delivery facts or standards, which issue 19 added after the',
  'base), run alternately base, current, base, current in the same session, each on PostgreSQL and',
  'SQLite, each to a report of its own.',
  '',
  `Settings: BENCH_ENTITIES=${env('BENCH_ENTITIES')}, BENCH_DAYS=${env(
    'BENCH_DAYS',
  )}, BENCH_LOAD_SECONDS=${env('BENCH_LOAD_SECONDS')}. Machine: ${
    cpus.length
  } x ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(
    os.totalmem() / 2 ** 30,
  )} GiB, Node ${process.version}.`,
  '',
  `| database | measurement | base ${options.base} (run 1, run 2) | current ${options.current} (run 1, run 2) | current's best against base's best | verdict |`,
  '|---|---|---|---|---|---|',
  ...rows,
  '',
  `Verdict: ${overall}.`,
  '',
  "- How it is decided: each tree's better run of the two is compared. The noise of a figure is",
  '  the larger of the two gaps between the runs of the same tree (relative to the faster run);',
  "  the current tree is **worse** when its better run is slower than the base's better run by",
  '  more than that noise, and no worse otherwise.',
  `- Date: ${new Date().toISOString()}`,
  `<!-- /section:${id} -->`,
].join('\n');

const start = `<!-- section:${id} -->`;
const end = `<!-- /section:${id} -->`;
let doc = fs.existsSync(options.output)
  ? fs.readFileSync(options.output, 'utf8')
  : '';
doc = doc.includes(start)
  ? doc.slice(0, doc.indexOf(start)) +
    section +
    doc.slice(doc.indexOf(end) + end.length)
  : `${doc.trimEnd()}\n\n${section}\n`.trimStart();
fs.writeFileSync(options.output, doc);
process.stdout.write(`${section}\n`);
