import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A stand-in governance backend that records requests and answers as told. */
export async function startBackend(answer: { status: number; body: unknown }) {
  const requests: {
    method?: string;
    url?: string;
    headers: IncomingMessage['headers'];
    body: unknown;
  }[] = [];
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', chunk => (data += chunk));
    req.on('end', () => {
      requests.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: data ? JSON.parse(data) : undefined,
      });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

/**
 * For a describe block: a {@link startBackend} whose backends close after each test, passed or
 * failed, so that no test leaves a server listening.
 */
export function startBackendPerTest() {
  const open: Array<{ close(): Promise<unknown> }> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map(backend => backend.close()));
  });
  return async (answer: { status: number; body: unknown }) => {
    const backend = await startBackend(answer);
    open.push(backend);
    return backend;
  };
}

/** The body of an error as Backstage's error middleware writes it. */
export const backstageError = (
  name: string,
  message: string,
  statusCode: number,
) => ({
  error: { name, message },
  request: { method: 'GET', url: '/api/governance' },
  response: { statusCode },
});
