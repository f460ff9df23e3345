// Permits performance (issues 4 and 9), on a device holding permits made from the Burlington export
// (bench/generate/permits.ts) and stored the way a pull stores them (applyPulledPage, whose bulkPut goes
// through the app's Dexie class, so the search index middleware writes every row's terms):
// - search: the list page's own queries (selectPermits + readPermitPage of the first 50 rows) for a mix of
//   address prefixes and permit numbers over 100,000 permits; median and p95 of the per-query latencies.
//   Baseline: a raw Dexie read of the same index range (`where('terms').between(…).limit(50)`).
// - list first render: /permits loaded in the page (signed in, records on the device), from navigation
//   start to the first permit row in the DOM (a MutationObserver installed before the app's scripts).
// - offline cold start: the same with 50,000 permits, the service worker installed and the context
//   offline, each run a new page.
// Baseline of both: a raw Dexie open of the app's database and read of the first 50 rows of the same index.
//
// Two halves, with no Node-only runtime imports so the bench bundle can include this file:
// - seedPermitDevice / permitSearchFigure / rawFirstPage run IN THE PAGE (registered in bench/browser/entry.ts);
// - permitFigures runs in Node (bench/run.ts).
import { Dexie } from 'dexie';
import type { BrowserContext, Page } from 'playwright-core';
import type { SessionInfo } from '../../src/protocol/api';
import { DATABASE_NAME, openDatabase, type HoldfastDatabase } from '../../src/storage';
import { termKey } from '../../src/storage/search-index';
import { normalizeSearchText } from '../../src/domain/sync/search-text';
import { listPermitTypes, readPermitPage, selectPermits } from '../../src/storage/permit-queries';
import { generatePermits, permitTemplates } from '../generate/permits';
import { seedSignedInDevice } from '../lib/seed-device';
import { marksOf, REPORT_MARKS, settleBeforeNextLoad, warmNote, warmUp } from '../lib/marks';
import { figure, type FigureInput, type FigureResult } from '../lib/results';
import type { ProfileLoad } from '../lib/profile';
import { notes, repeat } from '../lib/repeat';
import { median, percentile } from '../lib/stats';

export const PERMIT_ROWS = {
  searchMedian: {
    id: 'permit-search-median',
    figure: 'permit search, first page over 100,000 permits (median)',
    unit: 'ms',
    target: { kind: 'max', value: 20, text: '< 20 ms' },
    sizeDependent: true,
  },
  searchP95: {
    id: 'permit-search-p95',
    figure: 'permit search, first page over 100,000 permits (p95)',
    unit: 'ms',
    target: { kind: 'max', value: 50, text: '< 50 ms' },
    sizeDependent: true,
  },
  render: {
    id: 'permit-list-first-render',
    figure: 'permit list first render, 100,000 permits',
    unit: 'ms',
    target: { kind: 'max', value: 300, text: '< 300 ms' },
    sizeDependent: true,
  },
  coldStart: {
    id: 'permit-offline-cold-start',
    figure: 'offline cold start to first list rendered, 50,000 permits',
    unit: 'ms',
    target: { kind: 'max', value: 400, text: '< 400 ms' },
    sizeDependent: true,
  },
} satisfies Record<string, Omit<FigureInput, 'runs'>>;

const PAGE_ROWS = 50;

export interface SeedInput {
  session: SessionInfo;
  csvText: string;
  count: number;
  seed: number;
}

export interface SeedOutput {
  seedMs: number;
  stored: number;
  queries: string[];
}

async function openAppDatabase(): Promise<HoldfastDatabase> {
  const { db } = await openDatabase({ name: DATABASE_NAME, mirror: null });
  return db;
}

/**
 * IN THE PAGE: makes the app's own database a signed-in device holding `count` permits: the session cached,
 * one real sync (so the stored cursor is the server's), then the permits stored page by page by
 * applyPulledPage under that cursor, as an incremental pull stores them.
 */
export async function seedPermitDevice(input: SeedInput): Promise<SeedOutput> {
  let queries: string[] = [];
  const seeded = await seedSignedInDevice(
    input.session,
    ({ dept, userId }) => {
      const generated = generatePermits(permitTemplates(input.csvText, dept), {
        count: input.count,
        dept,
        userId,
        seed: input.seed,
      });
      queries = generated.queries;
      return generated.records;
    },
    async (db) => ({ stored: await db.records.where('kind').equals('permit').count() }),
  );
  return { ...seeded, queries };
}

export interface SearchOutput {
  /** Per query: selectPermits + readPermitPage(0, 50), ms. */
  app: number[];
  /** Per query: raw Dexie read of the same index range, first 50 rows, ms. */
  raw: number[];
  matches: number[];
}

/** IN THE PAGE: each query through the list page's own functions, then the raw index read of the same keys. */
export async function permitSearchFigure(queries: string[]): Promise<SearchOutput> {
  const db = await openAppDatabase();
  try {
    const out: SearchOutput = { app: [], raw: [], matches: [] };
    for (const text of queries) {
      let t = performance.now();
      const selection = await selectPermits(db, { text });
      const rows = await readPermitPage(db, selection, 0, PAGE_ROWS);
      out.app.push(performance.now() - t);
      out.matches.push(selection.count);
      if (selection.count > 0 && rows.length === 0) throw new Error(`"${text}" matched but read no rows`);
      const key = termKey('permit', normalizeSearchText(text));
      t = performance.now();
      await db.records.where('terms').between(key, `${key}\uffff`, true, true).limit(PAGE_ROWS).toArray();
      out.raw.push(performance.now() - t);
    }
    return out;
  } finally {
    db.close();
  }
}

export interface ListTimings {
  selectMs: number;
  pageMs: number;
  typesMs: number;
}

/** IN THE PAGE: the list page's own first reads, one after another on a new connection (where the time goes). */
export async function permitListTimings(): Promise<ListTimings> {
  const db = await openAppDatabase();
  try {
    let t = performance.now();
    const selection = await selectPermits(db, {});
    const selectMs = performance.now() - t;
    t = performance.now();
    await readPermitPage(db, selection, 0, PAGE_ROWS);
    const pageMs = performance.now() - t;
    t = performance.now();
    await listPermitTypes(db);
    return { selectMs, pageMs, typesMs: performance.now() - t };
  } finally {
    db.close();
  }
}

/** IN THE PAGE: a raw Dexie open of the app's database and its newest 50 permits (the render baseline), ms. */
export async function rawFirstPage(): Promise<{ ms: number; rows: number }> {
  const start = performance.now();
  const raw = new Dexie(DATABASE_NAME);
  await raw.open();
  try {
    const rows = await raw
      .table('records')
      .where('[kind+updatedAt]')
      .between(['permit', ''], ['permit', '\uffff'])
      .reverse()
      .limit(PAGE_ROWS)
      .toArray();
    return { ms: performance.now() - start, rows: rows.length };
  } finally {
    raw.close();
  }
}

// ---- Node half ----

type Call = <T>(page: Page, name: string, ...args: unknown[]) => Promise<T>;

const call: Call = (page, name, ...args) =>
  page.evaluate(
    ([fn, fnArgs]) => {
      const bench = (globalThis as unknown as { holdfastBench: Record<string, (...a: unknown[]) => unknown> })
        .holdfastBench;
      const f = bench[fn];
      if (!f) throw new Error(`holdfastBench.${fn} is not registered in bench/browser/entry.ts`);
      return f(...fnArgs);
    },
    [name, args] as [string, unknown[]],
  ) as never;

/** The permit list's rows (src/ui/pages/permits/). */
const PERMIT_ROW = '#permit-list .virtual-list-row a';

/**
 * Installed before the app's scripts: when (ms since navigation start) the list page is on screen (its count
 * line), when the count is known, and when the first permit row is in the DOM.
 */
const FIRST_ROW_OBSERVER = `(() => {
  const marks = (globalThis.__holdfastMarks = {});
  const observer = new MutationObserver(() => {
    const count = document.querySelector('.permit-count');
    if (count && marks.page === undefined) marks.page = performance.now();
    if (count && marks.count === undefined && /[0-9]/.test(count.textContent || '')) marks.count = performance.now();
    if (document.querySelector(${JSON.stringify(PERMIT_ROW)})) {
      marks.row = performance.now();
      observer.disconnect();
      ${REPORT_MARKS};
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

interface Marks {
  page: number;
  /** Absent when the first row came before the count. */
  count?: number;
  row: number;
}

/** Loads `url` in `page` and returns its marks. */
function firstRow(page: Page, url: string): Promise<Marks> {
  return marksOf<Marks>(page, () => page.goto(url));
}

/** Where a first render's time went: medians of the milestones over the runs. */
function split(runs: Marks[]): string {
  const m = (f: (r: Marks) => number) => median(runs.map(f)).toFixed(0);
  return `page on screen at ${m((r) => r.page)} ms, count shown at ${m((r) => r.count ?? r.row)} ms, first row at ${m((r) => r.row)} ms (medians)`;
}

/** A page of the app (signed out, so idle) with the bench bundle evaluated in it. */
async function benchPage(context: BrowserContext, bundle: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto('/', { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.evaluate(bundle);
  return page;
}

export interface PermitFigureOptions {
  context: () => Promise<BrowserContext>;
  bundle: string;
  username: string;
  password: string;
  csvText: string;
  sizes: { search: number; coldStart: number };
  runs: number;
  scale: number;
  log: (message: string) => void;
  /** BENCH_PROFILE: profiles one extra page load (bench/lib/profiler.ts); null otherwise. */
  profile: ProfileLoad | null;
}

export async function permitFigures(o: PermitFigureOptions): Promise<FigureResult[]> {
  const results: FigureResult[] = [];
  const n = (count: number) => count.toLocaleString('en-US');

  // 1. 100,000 permits on a signed-in device: search, then the list's first render.
  const context = await o.context();
  try {
    const page = await benchPage(context, o.bundle);
    const session = await call<SessionInfo>(page, 'signIn', o.username, o.password);
    const seeded = await call<SeedOutput>(page, 'seedPermitDevice', {
      session,
      csvText: o.csvText,
      count: o.sizes.search,
      seed: 4,
    } satisfies SeedInput);
    o.log(
      `stored ${n(seeded.stored)} permits through applyPulledPage in ${(seeded.seedMs / 1000).toFixed(1)} s`,
    );
    // One unmeasured round warms the code and the database's pages; then each run repeats every query.
    await call<SearchOutput>(page, 'permitSearchFigure', seeded.queries.slice(0, 5));
    const search = await repeat(o.runs, 60, () =>
      call<SearchOutput>(page, 'permitSearchFigure', seeded.queries),
    );
    const all = search.results;
    const medians = all.map((r) => median(r.app));
    const p95s = all.map((r) => percentile(r.app, 95));
    const matches = all[0]!.matches;
    const mix = `${seeded.queries.length} searches (numbers, number prefixes, street numbers and names) over ${n(seeded.stored)} permits; selectPermits + readPermitPage(0, 50); matches per search: median ${median(matches)}, max ${Math.max(...matches)}`;
    results.push(
      figure(
        {
          ...PERMIT_ROWS.searchMedian,
          runs: medians,
          baseline: {
            label: 'raw terms range, 50 rows (median)',
            value: median(all.map((r) => median(r.raw))),
            unit: 'ms',
          },
          note: notes(search.shortened, mix),
        },
        o.scale,
      ),
      figure(
        {
          ...PERMIT_ROWS.searchP95,
          runs: p95s,
          baseline: {
            label: 'raw terms range, 50 rows (p95)',
            value: median(all.map((r) => percentile(r.raw, 95))),
            unit: 'ms',
          },
          note: notes(search.shortened, 'the same runs: each run’s p95 over its searches'),
        },
        o.scale,
      ),
    );

    const raw = await repeat(o.runs, 30, () => call<{ ms: number; rows: number }>(page, 'rawFirstPage'));
    const reads = await repeat(o.runs, 30, () => call<ListTimings>(page, 'permitListTimings'));
    const readsNote = (['selectMs', 'pageMs', 'typesMs'] as const)
      .map((k) => `${k.slice(0, -2)} ${median(reads.results.map((r) => r[k])).toFixed(0)} ms`)
      .join(', ');
    await page.addInitScript(FIRST_ROW_OBSERVER);
    const warm = await warmUp(page, () => firstRow(page, '/permits'));
    const render = await repeat(o.runs, 90, async () => {
      await settleBeforeNextLoad(page);
      return firstRow(page, '/permits');
    });
    await settleBeforeNextLoad(page);
    const profiledList = await o.profile?.(page, 'permit-list', PERMIT_ROW, () => page.goto('/permits'));
    results.push(
      figure(
        {
          ...PERMIT_ROWS.render,
          runs: render.results.map((r) => r.row),
          baseline: {
            label: 'raw Dexie open + newest 50 rows',
            value: median(raw.results.map((r) => r.ms)),
            unit: 'ms',
          },
          note: notes(
            render.shortened,
            `/permits loaded online, signed in, ${n(seeded.stored)} permits on the device; navigation start to the first permit row in the DOM, ${warmNote(warm.map((m) => m.row))}; ${split(render.results)}; the list's reads alone, in the page: ${readsNote} (selectPermits, readPermitPage 50, listPermitTypes)${profiledList ? `; ${profiledList}` : ''}`,
          ),
        },
        o.scale,
      ),
    );
  } finally {
    await context.close().catch(() => undefined);
  }

  // 2. 50,000 permits, service worker installed, offline: a new page each run.
  const offline = await o.context();
  try {
    const page = await benchPage(offline, o.bundle);
    const session = await call<SessionInfo>(page, 'signIn', o.username, o.password);
    const seeded = await call<SeedOutput>(page, 'seedPermitDevice', {
      session,
      csvText: o.csvText,
      count: o.sizes.coldStart,
      seed: 9,
    } satisfies SeedInput);
    // Installed and active: its precache is complete.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // One online load with the session, so the app itself has everything a signed-in device keeps.
    await page.goto('/permits');
    await page.locator('#permit-list .virtual-list-row a').first().waitFor({ timeout: 60_000 });
    await page.evaluate(o.bundle);
    const raw = await repeat(o.runs, 30, () => call<{ ms: number; rows: number }>(page, 'rawFirstPage'));
    await page.close();
    const freshLoad = async (): Promise<Marks> => {
      const fresh = await offline.newPage();
      try {
        await fresh.addInitScript(FIRST_ROW_OBSERVER);
        const marks = await firstRow(fresh, '/permits');
        const controlled = await fresh.evaluate(() => !!navigator.serviceWorker.controller);
        if (!controlled) throw new Error('the page is not served by the service worker');
        return marks;
      } finally {
        await fresh.close();
      }
    };
    // The same new-page load online, to tell what being offline costs from what a new tab costs.
    const online = await repeat(Math.min(o.runs, 3), 30, freshLoad);
    await offline.setOffline(true);
    const cold = await repeat(o.runs, 90, freshLoad);
    const profiledCold = await (async () => {
      const fresh = await offline.newPage();
      try {
        return await o.profile?.(fresh, 'permit-offline-cold-start', PERMIT_ROW, () =>
          fresh.goto('/permits'),
        );
      } finally {
        await fresh.close();
      }
    })();
    results.push(
      figure(
        {
          ...PERMIT_ROWS.coldStart,
          runs: cold.results.map((r) => r.row),
          baseline: {
            label: 'raw Dexie open + newest 50 rows',
            value: median(raw.results.map((r) => r.ms)),
            unit: 'ms',
          },
          note: notes(
            cold.shortened,
            `production build, service worker installed, context offline, ${n(seeded.stored)} permits; a new page loading /permits, navigation start to the first permit row in the DOM; ${split(cold.results)}; the same new-page load online: ${split(online.results)}${profiledCold ? `; ${profiledCold}` : ''}`,
          ),
        },
        o.scale,
      ),
    );
  } finally {
    await offline.close().catch(() => undefined);
  }
  return results;
}
