/*
 * Where the real-catalog bench's memory goes, step by step: the RSS alone cannot tell the
 * backend's live objects from garbage not yet collected, or from Buffers the pg driver and the
 * HTTP server hold outside V8's heap.
 */

const MiB = 2 ** 20;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;

type Sample = ReturnType<typeof process.memoryUsage>;
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

  stop(): void {
    clearInterval(this.timer);
  }
}
