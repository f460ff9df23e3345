// The server's apply rate at the push endpoint, from Node: batches of 'record.create' entries (500, the
// protocol's maximum) POSTed one after another; mutations per second of request time. The same runs put
// the records the initial-pull figure pulls on the server (several devices, big batches).
import { v7 as uuidv7 } from 'uuid';
import type { CookieFetch } from '../../e2e/support/cookie-fetch';
import type { SessionInfo } from '../../src/protocol/api';
import type { PushResponse } from '../../src/protocol/sync';
import { SYNC_LIMITS } from '../../src/protocol/sync';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import { noteCreateEntries } from '../generate/outbox';
import { figure, type FigureInput, type FigureResult } from '../lib/results';
import { notes, repeat } from '../lib/repeat';
import { median } from '../lib/stats';

export function applyRow(kind: 'SQLite' | 'PostgreSQL'): Omit<FigureInput, 'runs'> {
  const min = kind === 'SQLite' ? 5000 : 3000;
  return {
    id: `apply-rate-${kind.toLowerCase()}`,
    figure: `server apply rate, ${kind}`,
    unit: '/s',
    target: { kind: 'min', value: min, text: `>= ${min.toLocaleString('en-US')}/s` },
  };
}

async function post(
  client: CookieFetch,
  body: string,
): Promise<{ ms: number; status: number; text: string }> {
  const start = performance.now();
  const response = await client.fetch('/api/sync/push', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-holdfast-request': '1' },
    body,
  });
  const text = await response.text();
  return { ms: performance.now() - start, status: response.status, text };
}

export async function applyRate(
  client: CookieFetch & { session: SessionInfo },
  kind: 'SQLite' | 'PostgreSQL',
  perRun: number,
  runs: number,
  scale: number,
  /** Seconds; Infinity when every run is needed (they seed the pull). */
  budget: number,
): Promise<{ row: FigureResult; stored: number }> {
  const { user } = client.session;
  const author = { userId: user.id, role: user.role, departments: user.departments };
  const batch = Math.min(SYNC_LIMITS.maxEntriesPerPush, perRun);
  let stored = 0;
  const { results, shortened } = await repeat(runs, budget, async (run) => {
    // Each run is another device with its own outbox.
    const clientId = uuidv7();
    const entries = noteCreateEntries(3000 + run, clientId, author, perRun);
    const bodies: string[] = [];
    for (let i = 0; i < entries.length; i += batch) {
      bodies.push(
        JSON.stringify({ protocol: PROTOCOL_VERSION, clientId, entries: entries.slice(i, i + batch) }),
      );
    }
    // Baseline first: the same bytes with a protocol number the server refuses right after parsing.
    let rawMs = 0;
    for (const body of bodies) {
      const answer = await post(client, body.replace(`"protocol":${PROTOCOL_VERSION},`, '"protocol":999,'));
      if (answer.status !== 400) throw new Error(`raw baseline push answered ${answer.status}`);
      rawMs += answer.ms;
    }
    let ms = 0;
    for (const body of bodies) {
      const answer = await post(client, body);
      if (answer.status !== 200)
        throw new Error(`push answered ${answer.status}: ${answer.text.slice(0, 300)}`);
      const response = JSON.parse(answer.text) as PushResponse;
      const applied = response.results.filter((r) => r.status === 'applied').length;
      if (applied !== response.results.length)
        throw new Error(`push applied ${applied} of ${response.results.length}`);
      stored += applied;
      ms += answer.ms;
    }
    return { rate: (perRun / ms) * 1000, rawRate: (perRun / rawMs) * 1000 };
  });
  const rates = results.map((r) => r.rate);
  const rawRates = results.map((r) => r.rawRate);
  const row = figure(
    {
      ...applyRow(kind),
      runs: rates,
      baseline: { label: 'raw POST of same bodies', value: median(rawRates), unit: '/s' },
      note: notes(
        shortened,
        `${results.length} devices × ${perRun.toLocaleString('en-US')} record.create in ${batch}-entry requests, sequential; rate = entries ÷ request time; the database grows to ${stored.toLocaleString('en-US')} records over the runs`,
      ),
    },
    scale,
  );
  return { row, stored };
}
