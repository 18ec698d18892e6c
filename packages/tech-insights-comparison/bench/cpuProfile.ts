/*
 * A sampling CPU profile of the bench process (V8's, as `node --cpu-prof` writes it), taken
 * through the inspector around one measured step, so a missed target can say where the time went.
 */
import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';
import fs from 'node:fs';
import path from 'node:path';

/** Sampling every 10 ms: coarse enough not to slow the measured step noticeably. */
const INTERVAL_MICROSECONDS = 10_000;

/**
 * Runs `fn` under the profiler; returns its result and the profile. A finer interval suits a
 * short step whose time is spread over many small functions, such as a request under load.
 */
export async function profiled<T>(
  fn: () => Promise<T>,
  intervalMicroseconds = INTERVAL_MICROSECONDS,
): Promise<[T, Profiler.Profile]> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', {
      interval: intervalMicroseconds,
    });
    await session.post('Profiler.start');
    const result = await fn();
    const { profile } = await session.post('Profiler.stop');
    return [result, profile];
  } finally {
    session.disconnect();
  }
}

/**
 * The functions with the most self time, as "name (file:line) share": `(idle)` is time the
 * process waited, on the database or on the catalog's HTTP answers.
 */
export function topFrames(profile: Profiler.Profile, count = 5): string {
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    // Paths from the package on: node_modules/<package>/... or the repository's own files.
    const file = url
      .replace(/^.*node_modules\//, '')
      .replace(/^.*\/(plugins|packages)\//, '$1/');
    const key = file
      ? `${functionName || '(anonymous)'} (${file}:${lineNumber + 1})`
      : functionName;
    self.set(key, (self.get(key) ?? 0) + hits);
    total += hits;
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, hits]) => `${key} ${((100 * hits) / total).toFixed(0)}%`)
    .join('; ');
}

/**
 * Writes `profile` as `<name>.cpuprofile` into the folder `BENCH_PROFILE_DIR` names, for Chrome
 * DevTools or speedscope: the top frames say where the time went, the whole profile says who
 * called them. Nothing is written without that setting.
 *
 * @returns The file written, if any
 */
export function saveProfile(
  name: string,
  profile: Profiler.Profile,
): string | undefined {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return undefined;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  return file;
}
