// An HTTP proxy that misbehaves on purpose, reproducibly from a seed: it drops requests, drops responses
// after the server has committed, answers 500, delays (so requests overtake each other), and duplicates.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from './seeded-random';

export interface FaultRates {
  dropRequest: number;
  dropResponse: number;
  serverError: number;
  duplicate: number;
  /** Upper bound of a random delay before forwarding; delays reorder concurrent requests. */
  maxDelayMs: number;
}

export const NO_FAULTS: FaultRates = {
  dropRequest: 0,
  dropResponse: 0,
  serverError: 0,
  duplicate: 0,
  maxDelayMs: 0,
};

export interface FaultStats {
  forwarded: number;
  droppedRequests: number;
  droppedResponses: number;
  serverErrors: number;
  duplicated: number;
}

export interface FaultProxy {
  url: string;
  stats: FaultStats;
  setRates(rates: FaultRates): void;
  close(): Promise<void>;
}

interface Forwarded {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Forwarded> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFaultProxy(
  targetUrl: string,
  seed: number,
  initial: FaultRates,
): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const random = seededRandom(seed);
  let rates = initial;
  const stats: FaultStats = {
    forwarded: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    serverErrors: 0,
    duplicated: 0,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    // Draw every decision up front so the sequence of draws does not depend on timing.
    const [drop, error, delay, dropResponse, duplicate] = [random(), random(), random(), random(), random()];
    if (drop < rates.dropRequest) {
      stats.droppedRequests += 1;
      res.socket?.destroy();
      return;
    }
    if (error < rates.serverError) {
      stats.serverErrors += 1;
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"error":{"code":"internal","message":"injected"}}');
      return;
    }
    if (rates.maxDelayMs > 0) await new Promise((r) => setTimeout(r, Math.floor(delay * rates.maxDelayMs)));
    const result = await forward(target, req, body);
    stats.forwarded += 1;
    if (duplicate < rates.duplicate) {
      stats.duplicated += 1;
      await forward(target, req, body).catch(() => undefined);
    }
    if (dropResponse < rates.dropResponse) {
      stats.droppedResponses += 1;
      res.socket?.destroy();
      return;
    }
    const headers = { ...result.headers };
    delete headers['transfer-encoding'];
    res.writeHead(result.status, headers as Record<string, string | string[]>).end(result.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setRates: (next) => {
      rates = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
