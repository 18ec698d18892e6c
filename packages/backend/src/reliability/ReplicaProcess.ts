import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const backendDir = resolvePackagePath('backend');
const repoRoot = path.resolve(backendDir, '../..');
const examples = path.join(repoRoot, 'examples/governance');

/** The static token of app-config.yaml's external access, as CI would use it. */
export const SERVICE_TOKEN = 'local-dev-ci-token';

/** Where a replica keeps its data: one PostgreSQL shared by replicas, or SQLite files. */
export type ReplicaDatabase =
  | { client: 'pg'; connection: string; prefix: string }
  | { client: 'better-sqlite3'; directory: string };

export interface ReplicaOptions {
  port: number;
  database: ReplicaDatabase;
  /** Extra governance config, merged over app-config.yaml's. */
  governance?: object;
}

/**
 * A governance backend replica as its own Node process, started like `backstage-cli package
 * start` starts a backend (TypeScript through the CLI's transform), and killed for real.
 */
export class ReplicaProcess {
  private child?: ChildProcess;
  private output = '';
  private readonly listeners: Array<(text: string) => void> = [];
  readonly baseUrl: string;

  constructor(private readonly options: ReplicaOptions) {
    this.baseUrl = `http://localhost:${options.port}`;
  }

  /** Log lines printed so far, across restarts. */
  get logs(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child !== undefined && !ReplicaProcess.exited(this.child);
  }

  /** A process killed by a signal has no exit code, only the signal. */
  private static exited(child: ChildProcess): boolean {
    return child.exitCode !== null || child.signalCode !== null;
  }

  async start(timeoutMs = 120_000): Promise<void> {
    const configFile = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'governance-replica-')),
      'app-config.replica.yaml',
    );
    const { port, database, governance } = this.options;
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        app: { baseUrl: 'http://localhost:3000' },
        backend: {
          baseUrl: this.baseUrl,
          listen: { port },
          database:
            database.client === 'pg'
              ? {
                  client: 'pg',
                  connection: database.connection,
                  prefix: database.prefix,
                }
              : {
                  client: 'better-sqlite3',
                  connection: { directory: database.directory },
                },
        },
        catalog: {
          processingInterval: { seconds: 5 },
          locations: [
            {
              type: 'file',
              target: path.join(examples, 'org.yaml'),
              rules: [{ allow: ['User', 'Group'] }],
            },
            { type: 'file', target: path.join(examples, 'entities.yaml') },
          ],
        },
        governance: governance ?? {},
      }),
    );
    this.child = spawn(
      process.execPath,
      [
        '--enable-source-maps',
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
        'src/reliability/replicaBackend.ts',
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        configFile,
      ],
      {
        cwd: backendDir,
        env: {
          ...process.env,
          NODE_ENV: 'development',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const append = (chunk: Buffer) => {
      // Development logs are coloured; the tests read plain lines.
      // eslint-disable-next-line no-control-regex
      const text = chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      this.output += text;
      this.listeners.forEach(listener => listener(text));
    };
    this.child.stdout!.on('data', append);
    this.child.stderr!.on('data', append);
    await this.waitFor(
      async () => {
        const res = await fetch(
          `${this.baseUrl}/.backstage/health/v1/readiness`,
        ).catch(() => undefined);
        return res?.ok ?? false;
      },
      timeoutMs,
      'ready',
    );
  }

  /** Calls `listener` with every piece of output from now on, as it arrives. */
  onOutput(listener: (text: string) => void): void {
    this.listeners.push(listener);
  }

  /** SIGKILL: no shutdown hooks, no flushing, as when a node dies. */
  kill(): void {
    this.child?.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || ReplicaProcess.exited(child)) {
      return;
    }
    await new Promise<void>(resolve => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  }

  async waitUntilExited(): Promise<void> {
    const child = this.child;
    if (child && !ReplicaProcess.exited(child)) {
      await new Promise(resolve => child.once('exit', resolve));
    }
  }

  async waitFor(
    condition: () => Promise<boolean> | boolean,
    timeoutMs: number,
    what: string,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await condition()) {
        return;
      }
      if (this.child && ReplicaProcess.exited(this.child)) {
        throw new Error(
          `Replica on ${
            this.baseUrl
          } exited before ${what}:\n${this.output.slice(-3000)}`,
        );
      }

      await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(
      `Replica on ${
        this.baseUrl
      } not ${what} after ${timeoutMs} ms:\n${this.output.slice(-3000)}`,
    );
  }

  /** A request as a service (CI) or as the guest user. */
  async request(
    method: string,
    pathname: string,
    options: { body?: unknown; token?: string } = {},
  ): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.baseUrl}${pathname}`, {
      method,
      headers: {
        Authorization: `Bearer ${options.token ?? SERVICE_TOKEN}`,
        ...(options.body !== undefined
          ? { 'Content-Type': 'application/json' }
          : {}),
      },
      body:
        options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body };
  }

  /** A Backstage token of the guest user, issued by the auth plugin as at sign-in. */
  async guestToken(): Promise<string> {
    const res = await fetch(
      `${this.baseUrl}/api/auth/guest/refresh?env=development`,
      { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
    );
    if (!res.ok) {
      throw new Error(
        `Guest sign-in failed: ${res.status} ${await res.text()}`,
      );
    }
    const body = await res.json();
    return body.backstageIdentity.token;
  }
}
