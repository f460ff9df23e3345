// Pushing a queued outbox through the sync engine's push phase (src/sync/push.ts pushAll, as the engine
// runs it) from headless Chromium to the server, against raw POSTs of the same request bodies.
import type { SessionInfo } from '../../src/protocol/api';
import type { BenchPage } from '../lib/browser';
import { figure, type FigureInput, type FigureResult } from '../lib/results';
import { notes, repeat } from '../lib/repeat';
import { median } from '../lib/stats';

export function pushRow(kind: 'SQLite' | 'PostgreSQL', count: number): Omit<FigureInput, 'runs'> {
  const limit = kind === 'SQLite' ? 2 : 3;
  return {
    id: `push-10k-${kind.toLowerCase()}`,
    figure: `push ${count.toLocaleString('en-US')} queued mutations, ${kind}`,
    unit: 's',
    target: { kind: 'max', value: limit, text: `< ${limit} s` },
    sizeDependent: true,
  };
}

export async function pushFigure(
  bench: BenchPage,
  session: SessionInfo,
  kind: 'SQLite' | 'PostgreSQL',
  count: number,
  runs: number,
  scale: number,
): Promise<FigureResult> {
  const { results, shortened } = await repeat(runs, 90, (run) =>
    bench.call('pushFigure', { session, count, seed: 2000 + run }),
  );
  const seconds = (pick: (r: (typeof results)[number]) => number) =>
    (median(results.map(pick)) / 1000).toFixed(1);
  const first = results[0]!;
  return figure(
    {
      ...pushRow(kind, count),
      runs: results.map((r) => r.pushMs / 1000),
      baseline: {
        label: 'raw POST of same bodies',
        value: median(results.map((r) => r.rawFetchMs / 1000)),
        unit: 's',
      },
      note: notes(
        shortened,
        `${count.toLocaleString('en-US')} record.create per run from a fresh device, ${first.batches} requests (${(first.bodyBytes / 1e6).toFixed(1)} MB): device outbox → server → outbox settled (bodies as Blobs, which DevTools does not copy out; bench/README.md), of which ${seconds((r) => r.serverMs)} s waiting for the server's answers and ${seconds((r) => r.pushMs - r.serverMs)} s on the device (reading, marking, settling the outbox)`,
      ),
    },
    scale,
  );
}
