/*
 * HTTP load for the benchmarks: autocannon on loopback, in a worker thread of its own.
 */
import { Worker } from 'node:worker_threads';

/** One request autocannon cycles through; each connection takes them in turn. */
export type LoadRequest = {
  method?: 'GET' | 'POST';
  /** Path and query, from the server's root */
  path: string;
  /** JSON body, already serialized */
  body?: string;
};

export type LoadResult = {
  /** Completed requests, of any status */
  requests: number;
  /** Responses outside 2xx: a benchmark fails on any */
  non2xx: number;
  /** Connection errors and timeouts */
  errors: number;
  /** Response times in milliseconds, sorted */
  latencies: number[];
  seconds: number;
};

// The worker records every response time: autocannon's summary has no p95.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
const latencies = [];
const instance = autocannon(workerData.options, (error, result) => {
  parentPort.postMessage(
    error
      ? { error: String(error) }
      : { latencies, non2xx: result.non2xx, errors: result.errors + result.timeouts },
  );
});
instance.on('response', (client, statusCode, bytes, ms) => latencies.push(ms));
`;

/**
 * Puts a server under load for a fixed time and returns every response time. The clients run in
 * a worker thread, so they do not queue behind the server's JavaScript when the server runs in
 * this process (as a test backend does); they still share the machine's cores with it.
 */
export async function runLoad(options: {
  /** Base URL of the server, e.g. http://127.0.0.1:7007 */
  url: string;
  headers: Record<string, string>;
  requests: LoadRequest[];
  /** Requests in flight at once */
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      autocannon: require.resolve('autocannon'),
      options: {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        headers: { 'content-type': 'application/json', ...options.headers },
        requests: options.requests.map(r => ({
          method: r.method ?? 'GET',
          path: r.path,
          ...(r.body !== undefined ? { body: r.body } : {}),
        })),
      },
    },
  });
  const message = await new Promise<{
    error?: string;
    latencies: number[];
    non2xx: number;
    errors: number;
  }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (message.error) {
    throw new Error(`autocannon failed: ${message.error}`);
  }
  return {
    requests: message.latencies.length,
    non2xx: message.non2xx,
    errors: message.errors,
    latencies: [...message.latencies].sort((a, b) => a - b),
    seconds: options.seconds,
  };
}

/** The response time below which p percent of the sorted latencies fall. */
export function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}
