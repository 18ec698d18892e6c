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
