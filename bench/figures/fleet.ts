// Many devices syncing at once, from Node: `devices` devices (each its own client id and outbox, in
// several signed-in sessions of one field user whose department only they write to) each push a batch of
// record.create entries and then pull what the others pushed, `rounds` times, all at the same time. Like
// devices that have synced before, each starts from the server's current cursor (signed in once, earlier;
// a device's first, full pull is the "initial pull" figure's business, not this one's), its outbox already
// made. Two figures: the server's peak memory (RSS of its Node process, sampled every 50 ms from /proc)
// while they do, against its idle RSS just before; and the 99th percentile of the push requests' latency,
// against one device pushing the same batch alone.
import { readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { CookieFetch } from '../../e2e/support/cookie-fetch';
import type { SessionInfo } from '../../src/protocol/api';
import type { PullResponse, PushResponse } from '../../src/protocol/sync';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import { noteCreateEntries } from '../generate/outbox';
import { figure, type FigureInput, type FigureResult } from '../lib/results';
import { median, percentile } from '../lib/stats';

export const FLEET_ROWS = {
  rss: {
    id: 'fleet-server-rss',
    figure: 'server memory with 50 devices syncing at once (peak RSS)',
    unit: 'MB',
    target: { kind: 'max', value: 200, text: '< 200 MB' },
    sizeDependent: true,
  },
  p99: {
    id: 'fleet-push-p99',
    figure: 'push latency with 50 devices syncing at once, p99',
    unit: 'ms',
    target: { kind: 'max', value: 500, text: '< 500 ms' },
    sizeDependent: true,
  },
} satisfies Record<string, Omit<FigureInput, 'runs'>>;

const childrenOf = (pid: number): number[] => {
  try {
    const list = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return list ? list.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
};

/**
 * RSS of the server, in bytes (Linux /proc): the Node process tsx starts to run server/main.ts and its
 * descendants. The tsx launcher above it (about 50 MB, a parent that only waits) is not counted:
 * `node --import tsx server/main.ts` runs the same server without it.
 */
export function serverRss(launcher: number): number {
  let total = 0;
  const stack = childrenOf(launcher);
  while (stack.length > 0) {
    const at = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${at}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      if (kb) total += Number(kb[1]) * 1024;
      stack.push(...childrenOf(at));
    } catch {
      // The process ended between reads, or /proc is not there.
    }
  }
  return total;
}

async function send(client: CookieFetch, body: string): Promise<{ ms: number; response: PushResponse }> {
  const start = performance.now();
  const answer = await client.fetch('/api/sync/push', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-holdfast-request': '1' },
    body,
  });
  const text = await answer.text();
  const ms = performance.now() - start;
  if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${text.slice(0, 300)}`);
  return { ms, response: JSON.parse(text) as PushResponse };
}

async function pullAll(client: CookieFetch, cursor: string | null): Promise<string | null> {
  let at = cursor;
  for (let page = 0; page < 1000; page += 1) {
    const answer = await client.fetch(`/api/sync/pull${at ? `?cursor=${encodeURIComponent(at)}` : ''}`);
    if (answer.status !== 200) throw new Error(`pull answered ${answer.status}: ${await answer.text()}`);
    const body = (await answer.json()) as PullResponse;
    at = body.cursor;
    if (!body.hasMore) return at;
  }
  return at;
}

interface Outbox {
  clientId: string;
  entries: ReturnType<typeof noteCreateEntries>;
}

/** A device's outbox of `count` creates, made before it syncs (as a real device's is, offline). */
function outbox(client: CookieFetch & { session: SessionInfo }, seed: number, count: number): Outbox {
  const { user } = client.session;
  const author = { userId: user.id, role: user.role, departments: user.departments };
  const clientId = uuidv7();
  return { clientId, entries: noteCreateEntries(seed, clientId, author, count) };
}

/**
 * One device: its outbox pushed a batch at a time, each push followed by a pull from where its last pull
 * (or `from`) ended. Returns its cursor after the last pull.
 */
async function device(
  client: CookieFetch,
  { clientId, entries }: Outbox,
  rounds: number,
  batch: number,
  latencies: number[],
  from: string | null,
): Promise<string | null> {
  let cursor = from;
  for (let round = 0; round < rounds; round += 1) {
    const body = JSON.stringify({
      protocol: PROTOCOL_VERSION,
      clientId,
      entries: entries.slice(round * batch, (round + 1) * batch),
    });
    const { ms, response } = await send(client, body);
    const applied = response.results.filter((r) => r.status === 'applied').length;
    if (applied !== batch) throw new Error(`a fleet push applied ${applied} of ${batch}`);
    latencies.push(ms);
    cursor = await pullAll(client, cursor);
  }
  return cursor;
}

export async function fleetFigures(
  pid: number | undefined,
  sessions: (CookieFetch & { session: SessionInfo })[],
  sizes: { devices: number; rounds: number; batch: number },
  runs: number,
  scale: number,
): Promise<FigureResult[]> {
  if (!pid) throw new Error('the server process id is not known');
  if (!readFileSync('/proc/self/status', 'utf8').includes('VmRSS'))
    throw new Error('no /proc to read RSS from');
  const peaks: number[] = [];
  const idles: number[] = [];
  const p99s: number[] = [];
  const alone: number[] = [];
  // The server's newest cursor for the fleet's department (every session is the same user: one scope).
  let head: string | null = null;
  for (let run = 0; run < runs; run += 1) {
    // Unmeasured: catch up with what the previous run pushed, as every device of that run did.
    head = await pullAll(sessions[0]!, head);
    // One device alone first: the same batch, the latency the crowd is compared with.
    const soloLatencies: number[] = [];
    const solo = outbox(sessions[0]!, 90_000 + run, 3 * sizes.batch);
    const start = await device(sessions[0]!, solo, 3, sizes.batch, soloLatencies, head);
    alone.push(median(soloLatencies));
    head = start;

    // Every outbox is made before the crowd starts: made inside it, one device's generation would run on
    // this one thread while the others' pushes are timed, and count as their latency.
    const clients = Array.from({ length: sizes.devices }, (_, i) => sessions[i % sessions.length]!);
    const outboxes = clients.map((client, i) =>
      outbox(client, 10_000 * (run + 1) + i, sizes.rounds * sizes.batch),
    );

    idles.push(serverRss(pid) / 1e6);
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, serverRss(pid))), 50);
    const latencies: number[] = [];
    try {
      await Promise.all(
        clients.map((client, i) => device(client, outboxes[i]!, sizes.rounds, sizes.batch, latencies, start)),
      );
    } finally {
      clearInterval(sampler);
    }
    peaks.push(Math.max(peak, serverRss(pid)) / 1e6);
    p99s.push(percentile(latencies, 99));
  }
  const what = `${sizes.devices} devices at once (${sessions.length} sessions of one field user, signed in before), each starting from the server's current cursor with its outbox made, and doing ${sizes.rounds} rounds of a ${sizes.batch}-entry push then a pull of what the others pushed; the server on SQLite`;
  return [
    figure(
      {
        ...FLEET_ROWS.rss,
        runs: peaks,
        baseline: { label: 'server RSS idle, just before', value: median(idles), unit: 'MB' },
        note: `${what}; RSS of the server's Node process (without the tsx launcher above it), sampled every 50 ms from /proc`,
      },
      scale,
    ),
    figure(
      {
        ...FLEET_ROWS.p99,
        runs: p99s,
        baseline: { label: 'one device alone, median push', value: median(alone), unit: 'ms' },
        note: `${what}; p99 over every push request of the run`,
      },
      scale,
    ),
  ];
}
