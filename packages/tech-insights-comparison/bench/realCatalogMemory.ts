/*
 * Where the real-catalog bench's memory goes, step by step: the RSS alone cannot tell the
 * backend's live objects from garbage not yet collected, or from Buffers the pg driver and the
 * HTTP server hold outside V8's heap.
 */

import type { HeapProfiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

const MiB = 2 ** 20;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;

type Sample = ReturnType<typeof process.memoryUsage>;

/**
 * Runs a full garbage collection now, as `node --expose-gc`'s `gc()` does, without the flag on
 * the command line.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

const FIELDS = [
  'rss',
  'heapTotal',
  'heapUsed',
  'external',
  'arrayBuffers',
] as const;

/**
 * Samples `process.memoryUsage()` until stopped and keeps, per step, the highest value of each
 * of its figures; {@link MemoryTimeline.step} closes a step, prints it to stderr (the run's log)
 * and returns it.
 */
export class MemoryTimeline {
  private peak: Sample;
  private readonly timer: NodeJS.Timeout;

  /** @param intervalMs - Sampling interval: 100 ms costs nothing next to a step of seconds */
  constructor(private readonly label: string, intervalMs = 100) {
    this.peak = process.memoryUsage();
    this.timer = setInterval(() => this.sample(), intervalMs);
    // Never what keeps a finished run alive.
    this.timer.unref();
  }

  private sample(): Sample {
    const now = process.memoryUsage();
    for (const field of FIELDS) {
      this.peak[field] = Math.max(this.peak[field], now[field]);
    }
    return now;
  }

  /**
   * Ends the step named `name`: its figures at the end and at their highest since the previous
   * step, then starts the next one from now.
   */
  step(name: string): { end: Sample; peak: Sample } {
    const end = this.sample();
    const peak = this.peak;
    this.peak = { ...end };
    process.stderr.write(
      `${new Date().toISOString()} ${
        this.label
      } memory after ${name}: ${FIELDS.map(
        field => `${field} ${mib(end[field])} (at most ${mib(peak[field])})`,
      ).join(', ')}\n`,
    );
    return { end, peak };
  }

  /**
   * Logs V8's live heap (used heap right after a full garbage collection) every `intervalMs`
   * until stopped: what is retained, as against the garbage the used heap also counts. Forcing
   * collections changes the timings, so only a run that measures memory uses it.
   */
  static logLiveHeap(label: string, intervalMs: number): () => void {
    const timer = setInterval(() => {
      const before = process.memoryUsage();
      collectGarbage();
      const after = process.memoryUsage();
      process.stderr.write(
        `${new Date().toISOString()} ${label} live heap ${mib(
          after.heapUsed,
        )} (used ${mib(before.heapUsed)}, heap ${mib(
          before.heapTotal,
        )}, rss ${mib(before.rss)}, arrayBuffers ${mib(
          before.arrayBuffers,
        )} -> ${mib(after.arrayBuffers)})\n`,
      );
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * Starts V8's sampling heap profiler, counting objects the garbage collector has since freed:
 * where a step allocates, which is what sizes the heap when little of it stays alive.
 */
export async function sampleAllocations(): Promise<{
  stop(): Promise<HeapProfiler.SamplingHeapProfile>;
}> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 256 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return {
    async stop() {
      try {
        const { profile } = await session.post('HeapProfiler.stopSampling');
        return profile;
      } finally {
        session.disconnect();
      }
    },
  };
}

/** The functions that allocated the most, as "name (file:line) MiB". */
export function topAllocations(
  profile: HeapProfiler.SamplingHeapProfile,
  count = 12,
): string {
  const self = new Map<string, number>();
  const visit = (node: HeapProfiler.SamplingHeapProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url
      .replace(/^.*node_modules\//, '')
      .replace(/^.*\/(plugins|packages)\//, '$1/');
    const key = `${functionName || '(anonymous)'}${
      file ? ` (${file}:${lineNumber + 1})` : ''
    }`;
    self.set(key, (self.get(key) ?? 0) + node.selfSize);
    node.children.forEach(visit);
  };
  visit(profile.head);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, bytes]) => `${key} ${mib(bytes)}`)
    .join('; ');
}

/** Writes `profile` as `<name>.heapprofile` into `BENCH_PROFILE_DIR`, for Chrome DevTools. */
export function saveHeapProfile(
  name: string,
  profile: HeapProfiler.SamplingHeapProfile,
): void {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.heapprofile`),
    JSON.stringify(profile),
  );
}
