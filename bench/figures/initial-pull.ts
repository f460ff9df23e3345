// An empty device's first sync of a department holding `expected` records, through the app's sync engine
// in headless Chromium, with the page's JS heap sampled (CDP Runtime.getHeapUsage) while it runs.
import type { BrowserContext } from 'playwright-core';
import type { CookieFetch } from '../../e2e/support/cookie-fetch';
import type { PullResponse } from '../../src/protocol/sync';
import { openBenchPage, sampleHeap, settledHeap } from '../lib/browser';
import { figure, type FigureInput, type FigureResult } from '../lib/results';
import { notes, repeat } from '../lib/repeat';
import { median } from '../lib/stats';
import { PASSWORD, PULL_USER } from '../lib/servers';

const MB = 1e6;

export const pullRows = (records: number) =>
  ({
    time: {
      id: 'initial-pull-time',
      figure: `initial pull of ${records.toLocaleString('en-US')} records`,
      unit: 's',
      target: { kind: 'max', value: 15, text: '< 15 s' },
      sizeDependent: true,
    },
    heap: {
      id: 'initial-pull-heap',
      figure: 'initial pull, peak JS heap',
      unit: 'MB',
      target: { kind: 'max', value: 150, text: '< 150 MB' },
      sizeDependent: true,
    },
  }) satisfies Record<string, Omit<FigureInput, 'runs'>>;

/** The pull URLs a device starting from nothing requests, page by page (for the raw-fetch baseline). */
async function pageUrls(client: CookieFetch): Promise<{ urls: string[]; records: number }> {
  const urls: string[] = [];
  let records = 0;
  let url = '/api/sync/pull';
  for (;;) {
    urls.push(url);
    const response = await client.fetch(url);
    if (!response.ok) throw new Error(`pull answered ${response.status}`);
    const page = (await response.json()) as PullResponse;
    records += page.records.length;
    if (!page.hasMore) return { urls, records };
    url = `/api/sync/pull?cursor=${encodeURIComponent(page.cursor)}`;
  }
}

export async function initialPull(
  context: BrowserContext,
  bundle: string,
  client: CookieFetch,
  expected: number,
  runs: number,
  scale: number,
): Promise<FigureResult[]> {
  const { urls, records } = await pageUrls(client);
  if (records !== expected)
    throw new Error(`the server holds ${records} records for the pull, not ${expected}`);
  const { results, shortened } = await repeat(runs, 180, async () => {
    // A fresh page each run: the heap starts from the app's own, as on a device opening the app.
    const bench = await openBenchPage(context, bundle);
    try {
      const session = await bench.call('signIn', PULL_USER.username, PASSWORD);
      const raw = (await bench.call('rawFetch', urls)).ms / 1000;
      const idle = (await settledHeap(bench.cdp)) / MB;
      const sampler = sampleHeap(bench.cdp);
      const outcome = await bench.call('pullFigure', session).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      const heap = await sampler.stop();
      if ('error' in outcome) throw outcome.error;
      const result = outcome.value;
      if (result.state !== 'idle' || result.records !== expected) {
        throw new Error(`pull ended ${result.state} with ${result.records} records: ${result.problem ?? ''}`);
      }
      return {
        time: result.pullMs / 1000,
        raw,
        idle,
        peak: heap.peak / MB,
        samples: heap.samples,
        server: result.serverMs / 1000,
        firstPages: result.firstPagesMs,
        lastPages: result.lastPagesMs,
      };
    } finally {
      await bench.close();
    }
  });
  const runsOf = (key: keyof (typeof results)[number]) => results.map((r) => r[key]);
  const [times, raw, peaks, idle] = [runsOf('time'), runsOf('raw'), runsOf('peak'), runsOf('idle')];
  const samples = runsOf('samples').reduce((a, b) => a + b, 0);
  const size = `${expected.toLocaleString('en-US')} notes in ${urls.length} pages`;
  return [
    figure(
      {
        ...pullRows(expected).time,
        runs: times,
        baseline: { label: 'raw fetch of same pages', value: median(raw), unit: 's' },
        note: notes(
          shortened,
          `${size}; createSyncEngine().syncNow() on an empty database; ${median(runsOf('server')).toFixed(1)} s waiting for the server, the rest applying pages${urls.length > 10 ? ` (${median(runsOf('firstPages')).toFixed(0)} ms per page over the first 10 pages, ${median(runsOf('lastPages')).toFixed(0)} ms over the last 10)` : ''}`,
        ),
      },
      scale,
    ),
    figure(
      {
        ...pullRows(expected).heap,
        runs: peaks,
        baseline: { label: 'app idle, after GC', value: median(idle), unit: 'MB' },
        note: notes(
          shortened,
          `highest used JS heap of the page (MB = 10^6 bytes), ${Math.round(samples / results.length)} samples per run`,
        ),
      },
      scale,
    ),
  ];
}
