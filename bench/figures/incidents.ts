// Incidents performance (issue 5):
// - record a log entry: writeMutation('entry.append') of a log_entry, its contentHash computed with
//   contentHashOf inside the timed step, on a device holding an activity log with entries; p95 over the
//   writes. Baseline: raw Dexie `put` of the very rows the entries became, one per strict transaction.
// - verify a 10,000-entry chain: verifyChain over one log's entries with WebCrypto (crypto.subtle) in
//   the page. Baseline: raw crypto.subtle.digest of the same texts (each entry's content and link texts).
// - open an incident with 5,000 entries across 20 logs: /incidents/:id loaded in the page (signed in,
//   records on the device), navigation start to the first timeline row in the DOM. Baseline: a raw Dexie
//   open of the app's database, the incident and its newest 50 timeline entries from the index.
// Data: bench/generate/incidents.ts (real hashes), stored through applyPulledPage as a pull stores it.
//
// Two halves, with no Node-only runtime imports so this file can be bundled for the page:
// - the functions of `incidentBench` run IN THE PAGE (bench/run.ts builds this file as its own bundle);
// - incidentFigures runs in Node (bench/run.ts).
import { Dexie } from 'dexie';
import type { BrowserContext, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import type { ChainEntry, Digest } from '../../src/domain/incidents/chain';
import { contentHashOf, contentText, linkText, verifyChain } from '../../src/domain/incidents/chain';
import { timelineTerm } from '../../src/domain/incidents/incident-kinds';
import type { SessionInfo } from '../../src/protocol/api';
import {
  applyPulledPage,
  DATABASE_NAME,
  getRecord,
  openDatabase,
  writeMutation,
  type HoldfastDatabase,
} from '../../src/storage';
import {
  listLogs,
  listMessages,
  listPeriods,
  readTimelinePage,
  unsentCounts,
} from '../../src/storage/incident-queries';
import { termKey } from '../../src/storage/search-index';
import { generateIncident, newEntryContent } from '../generate/incidents';
import { seededRandom } from '../generate/random';
import { seedSignedInDevice, signIn } from '../lib/seed-device';
import { marksOf, REPORT_MARKS, settleBeforeNextLoad, warmNote, warmUp } from '../lib/marks';
import { figure, type FigureInput, type FigureResult } from '../lib/results';
import type { ProfileLoad } from '../lib/profile';
import { notes, repeat } from '../lib/repeat';
import { median, percentile } from '../lib/stats';

export const INCIDENT_ROWS = {
  record: {
    id: 'incident-entry-p95',
    figure: 'record a log entry, p95',
    unit: 'ms',
    target: { kind: 'max', value: 15, text: '< 15 ms' },
  },
  verify: {
    id: 'incident-verify-10k',
    figure: 'verify a 10,000-entry chain',
    unit: 'ms',
    target: { kind: 'max', value: 1000, text: '< 1 s' },
    sizeDependent: true,
  },
  open: {
    id: 'incident-open-first-screen',
    figure: 'open an incident with 5,000 entries across 20 logs: first screen',
    unit: 'ms',
    target: { kind: 'max', value: 150, text: '< 150 ms' },
    sizeDependent: true,
  },
} satisfies Record<string, Omit<FigureInput, 'runs'>>;

/** The bench databases' prefix (the main bundle's cleanUp deletes leftovers with it). */
const DB_PREFIX = 'holdfast-bench-';
const SEED_PAGE = 5_000;
const FIRST_ROWS = 50;
/** The incident page's timeline rows (src/ui/pages/incidents/incident-timeline.tsx). */
const TIMELINE_ROW = 'ol.incident-timeline li.timeline-entry';

// ---- In the page ----

async function dropDatabase(db: HoldfastDatabase): Promise<void> {
  db.close();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(db.name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

async function freshDatabase(tag: string): Promise<HoldfastDatabase> {
  const { db } = await openDatabase({ name: `${DB_PREFIX}${tag}-${uuidv7()}`, mirror: null });
  return db;
}

const encoder = new TextEncoder();
/**
 * WebCrypto SHA-256 as hex, written as the log page's "Verify log" writes it (webDigest in
 * src/ui/pages/incidents/log/log-verify.ts, which the bench's Node project cannot import).
 */
const webDigest: Digest = async (text) => {
  const bytes = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  let hex = '';
  for (const byte of new Uint8Array(bytes)) hex += byte.toString(16).padStart(2, '0');
  return hex;
};

export interface EntryFigureInput {
  session: SessionInfo;
  writes: number;
  /** Entries the log already holds (pulled, chained by the server). */
  existing: number;
  seed: number;
}

export interface EntryFigureOutput {
  /** Per write: fields built, contentHashOf, writeMutation('entry.append') committed; ms. */
  app: number[];
  /** Per row: raw `put` of the same entry row, one per strict transaction; ms. */
  put: number[];
  headSeq: number;
}

/** IN THE PAGE: a device holding a log with `existing` entries records `writes` more, one at a time. */
async function entryFigure(input: EntryFigureInput): Promise<EntryFigureOutput> {
  const { user } = input.session;
  const dept = user.departments[0] ?? 'bench-device';
  const ctx = { userId: user.id, role: user.role, departments: user.departments };
  const generated = generateIncident({
    dept,
    userId: user.id,
    seed: input.seed,
    logs: 1,
    entries: input.existing,
  });
  const logId = generated.logIds[0]!;
  const db = await freshDatabase('incident-write');
  const putDb = await freshDatabase('incident-put');
  try {
    for (let i = 0; i < generated.records.length; i += SEED_PAGE) {
      await applyPulledPage(
        db,
        {
          records: generated.records.slice(i, i + SEED_PAGE),
          cursor: 'bench',
          hasMore: false,
          scope: { departments: [dept] },
        },
        { userId: user.id, startResync: false },
      );
    }
    const random = seededRandom(input.seed + 1);
    const refs = { logId, incidentId: generated.incidentId, authorName: user.displayName };
    const record = async (n: number): Promise<{ ms: number; id: string }> => {
      const t = performance.now();
      const content = newEntryContent(random, refs, n);
      const fields = { ...content, contentHash: contentHashOf(content) };
      const id = uuidv7();
      const result = await writeMutation(
        db,
        'entry.append',
        { kind: 'log_entry', id, dept, fields },
        { ...ctx, now: new Date().toISOString() },
      );
      const ms = performance.now() - t;
      if (!result.ok) throw new Error(`entry refused: ${result.rejected.message}`);
      return { ms, id };
    };
    // A few unmeasured writes warm the code and the database's pages.
    for (let n = 0; n < 5; n++) await record(-n - 1);
    const app: number[] = [];
    const ids: string[] = [];
    for (let n = 0; n < input.writes; n++) {
      const { ms, id } = await record(n);
      app.push(ms);
      ids.push(id);
    }
    const rows = await db.records.bulkGet(ids);
    const put: number[] = [];
    for (const row of rows) {
      if (!row) throw new Error('a recorded entry is missing');
      const t = performance.now();
      await putDb.records.put(row);
      put.push(performance.now() - t);
    }
    const log = await db.records.get(logId);
    return { app, put, headSeq: Number(log?.fields.entryCount ?? 0) };
  } finally {
    await dropDatabase(db);
    await dropDatabase(putDb);
  }
}

let chainCache: { key: string; entries: ChainEntry[]; texts: string[] } | null = null;

function chainOf(count: number, seed: number, dept: string): { entries: ChainEntry[]; texts: string[] } {
  const key = `${count}/${seed}/${dept}`;
  if (chainCache?.key !== key) {
    const generated = generateIncident({ dept, userId: 'bench', seed, logs: 1, entries: count });
    const entries = generated.records.filter((r) => r.kind === 'log_entry');
    const texts = entries.flatMap((e) => [
      contentText(e.fields),
      linkText(String(e.fields.prevHash), Number(e.fields.seq), e.id, String(e.fields.contentHash)),
    ]);
    chainCache = { key, entries, texts };
  }
  return chainCache;
}

export interface VerifyFigureOutput {
  verifyMs: number;
  rawMs: number;
  checked: number;
}

/**
 * IN THE PAGE: verifyChain over a `count`-entry log with the log page's WebCrypto digest, then raw digests of
 * the same texts (no hex, no chain logic).
 */
async function verifyFigure(input: { count: number; seed: number }): Promise<VerifyFigureOutput> {
  const { entries, texts } = chainOf(input.count, input.seed, 'bench-device');
  let t = performance.now();
  const report = await verifyChain(entries, webDigest);
  const verifyMs = performance.now() - t;
  if (!report.ok || report.checked !== input.count)
    throw new Error(`the generated chain did not verify: ${JSON.stringify(report)}`);
  t = performance.now();
  for (const text of texts) await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return { verifyMs, rawMs: performance.now() - t, checked: report.checked };
}

export interface SeedIncidentOutput {
  incidentId: string;
  stored: number;
  seedMs: number;
}

/**
 * IN THE PAGE: makes the app's own database a signed-in device holding an incident with `logs` logs and
 * `entries` entries: the session cached, one real sync (so the stored cursor is the server's), then the
 * records stored by applyPulledPage under that cursor, as an incremental pull stores them.
 */
async function seedIncidentDevice(input: {
  session: SessionInfo;
  logs: number;
  entries: number;
  seed: number;
}): Promise<SeedIncidentOutput> {
  let incidentId = '';
  const seeded = await seedSignedInDevice(
    input.session,
    ({ dept, userId }) => {
      const generated = generateIncident({
        dept,
        userId,
        seed: input.seed,
        logs: input.logs,
        entries: input.entries,
      });
      incidentId = generated.incidentId;
      return generated.records;
    },
    async (db) => ({ stored: await db.records.where('kind').equals('log_entry').count() }),
  );
  return { incidentId, ...seeded };
}

/** IN THE PAGE: raw Dexie open of the app's database, the incident, its newest 50 timeline entries; ms. */
async function rawIncidentScreen(incidentId: string): Promise<{ ms: number; rows: number }> {
  const start = performance.now();
  const raw = new Dexie(DATABASE_NAME);
  await raw.open();
  try {
    const records = raw.table('records');
    const incident = await records.get(incidentId);
    if (!incident) throw new Error('the incident is not on the device');
    const low = termKey('log_entry', timelineTerm(incidentId, ''));
    const rows = await records
      .where('terms')
      .between(low, `${low}\uffff`, true, false)
      .reverse()
      .limit(FIRST_ROWS)
      .toArray();
    return { ms: performance.now() - start, rows: rows.length };
  } finally {
    raw.close();
  }
}

export interface ScreenReads {
  /** The incident, its periods, logs and messages, and the unsent counts (the page's first reads). */
  headerMs: number;
  /** The timeline's first page: readTimelinePage of 51 entries. */
  timelineMs: number;
}

/** IN THE PAGE: the incident page's own first reads, one after another on a new connection. */
async function incidentScreenReads(incidentId: string): Promise<ScreenReads> {
  const { db } = await openDatabase({ name: DATABASE_NAME, mirror: null });
  try {
    let t = performance.now();
    await getRecord(db, incidentId);
    await Promise.all([
      listPeriods(db, incidentId),
      listLogs(db, incidentId),
      listMessages(db, incidentId),
      unsentCounts(db),
    ]);
    const headerMs = performance.now() - t;
    t = performance.now();
    const page = await readTimelinePage(db, incidentId, { limit: FIRST_ROWS + 1 });
    if (page.entries.length === 0) throw new Error('the timeline read no entries');
    return { headerMs, timelineMs: performance.now() - t };
  } finally {
    db.close();
  }
}

export const incidentBench = {
  signIn,
  entryFigure,
  verifyFigure,
  seedIncidentDevice,
  rawIncidentScreen,
  incidentScreenReads,
};
export type IncidentBench = typeof incidentBench;
if (typeof document !== 'undefined')
  (globalThis as unknown as { holdfastIncidentBench: IncidentBench }).holdfastIncidentBench = incidentBench;

// ---- Node half ----

function call<K extends keyof IncidentBench>(
  page: Page,
  name: K,
  ...args: Parameters<IncidentBench[K]>
): Promise<Awaited<ReturnType<IncidentBench[K]>>> {
  return page.evaluate(
    ([fn, fnArgs]) => {
      const bench = (
        globalThis as unknown as { holdfastIncidentBench?: Record<string, (...a: unknown[]) => unknown> }
      ).holdfastIncidentBench;
      const f = bench?.[fn];
      if (!f) throw new Error(`holdfastIncidentBench.${fn} is not in the page (bench/figures/incidents.ts)`);
      return f(...fnArgs);
    },
    [name, args] as [string, unknown[]],
  ) as never;
}

/** Installed before the app's scripts: when the incident page is on screen and its first timeline row. */
const FIRST_ROW_OBSERVER = `(() => {
  const marks = (globalThis.__holdfastMarks = {});
  const observer = new MutationObserver(() => {
    if (marks.page === undefined && document.querySelector('h1')) marks.page = performance.now();
    if (document.querySelector(${JSON.stringify(TIMELINE_ROW)})) {
      marks.row = performance.now();
      observer.disconnect();
      ${REPORT_MARKS};
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Marks {
  page?: number;
  row: number;
}

/** Loads `url` in `page` and returns its marks. */
function firstRow(page: Page, url: string): Promise<Marks> {
  return marksOf<Marks>(page, () => page.goto(url));
}

async function benchPage(context: BrowserContext, bundle: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto('/', { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.evaluate(bundle);
  return page;
}

export interface IncidentFigureOptions {
  context: () => Promise<BrowserContext>;
  /** This file built for the page (bench/run.ts). */
  bundle: string;
  username: string;
  password: string;
  sizes: { writes: number; existing: number; chain: number; logs: number; entries: number };
  runs: number;
  scale: number;
  log: (message: string) => void;
  /** BENCH_PROFILE: profiles one extra page load (bench/lib/profiler.ts); null otherwise. */
  profile: ProfileLoad | null;
}

export async function incidentFigures(o: IncidentFigureOptions): Promise<FigureResult[]> {
  const results: FigureResult[] = [];
  const n = (count: number) => count.toLocaleString('en-US');
  const context = await o.context();
  try {
    const page = await benchPage(context, o.bundle);
    const session = await call(page, 'signIn', o.username, o.password);

    // 1. Recording entries.
    const writes = await repeat(o.runs, 60, (run) =>
      call(page, 'entryFigure', {
        session,
        writes: o.sizes.writes,
        existing: o.sizes.existing,
        seed: 20 + run,
      }),
    );
    const w = writes.results;
    results.push(
      figure(
        {
          ...INCIDENT_ROWS.record,
          runs: w.map((r) => percentile(r.app, 95)),
          baseline: {
            label: 'raw put p95, 1 per tx',
            value: median(w.map((r) => percentile(r.put, 95))),
            unit: 'ms',
          },
          note: notes(
            writes.shortened,
            `${o.sizes.writes} entries one after another into a log holding ${n(o.sizes.existing)}, each: fields built, contentHashOf, writeMutation('entry.append') (entry + log head + outbox, one strict transaction); median ${median(w.map((r) => median(r.app))).toFixed(1)} ms; median over runs of each run's p95`,
          ),
        },
        o.scale,
      ),
    );

    // 2. Verifying a chain (one unmeasured round generates the chain and warms WebCrypto).
    await call(page, 'verifyFigure', { count: o.sizes.chain, seed: 30 });
    const verify = await repeat(o.runs, 60, () =>
      call(page, 'verifyFigure', { count: o.sizes.chain, seed: 30 }),
    );
    const v = verify.results;
    results.push(
      figure(
        {
          ...INCIDENT_ROWS.verify,
          runs: v.map((r) => r.verifyMs),
          baseline: {
            label: `raw crypto.subtle.digest × ${n(2 * o.sizes.chain)}`,
            value: median(v.map((r) => r.rawMs)),
            unit: 'ms',
          },
          note: notes(
            verify.shortened,
            `verifyChain over one log's ${n(v[0]!.checked)} entries in the page, WebCrypto SHA-256 (content and link of each entry, awaited one after another); the baseline digests the same texts`,
          ),
        },
        o.scale,
      ),
    );
  } finally {
    await context.close().catch(() => undefined);
  }

  // 3. The incident page over 5,000 entries in 20 logs, on a signed-in device of its own.
  const screen = await o.context();
  try {
    const page = await benchPage(screen, o.bundle);
    const session = await call(page, 'signIn', o.username, o.password);
    const seeded = await call(page, 'seedIncidentDevice', {
      session,
      logs: o.sizes.logs,
      entries: o.sizes.entries,
      seed: 40,
    });
    o.log(
      `stored an incident with ${n(seeded.stored)} entries in ${o.sizes.logs} logs through applyPulledPage in ${(seeded.seedMs / 1000).toFixed(1)} s`,
    );
    const raw = await repeat(o.runs, 30, () => call(page, 'rawIncidentScreen', seeded.incidentId));
    const reads = await repeat(o.runs, 30, () => call(page, 'incidentScreenReads', seeded.incidentId));
    const readsNote = `the page's reads alone, in the page: incident, periods, logs, messages and unsent counts ${median(reads.results.map((r) => r.headerMs)).toFixed(0)} ms, first timeline page ${median(reads.results.map((r) => r.timelineMs)).toFixed(0)} ms (medians)`;
    await page.addInitScript(FIRST_ROW_OBSERVER);
    const url = `/incidents/${seeded.incidentId}`;
    const warm = await warmUp(page, () => firstRow(page, url));
    const open = await repeat(o.runs, 90, async () => {
      await settleBeforeNextLoad(page);
      return firstRow(page, url);
    });
    await settleBeforeNextLoad(page);
    const profiled = await o.profile?.(page, 'incident-open', TIMELINE_ROW, () => page.goto(url));
    const onScreen = open.results.map((r) => r.page).filter((m): m is number => typeof m === 'number');
    results.push(
      figure(
        {
          ...INCIDENT_ROWS.open,
          runs: open.results.map((r) => r.row),
          baseline: {
            label: 'raw Dexie open + incident + newest 50 entries',
            value: median(raw.results.map((r) => r.ms)),
            unit: 'ms',
          },
          note: notes(
            open.shortened,
            `${url.replace(seeded.incidentId, ':id')} loaded online, signed in, ${n(seeded.stored)} entries in ${o.sizes.logs} logs on the device; navigation start to the first timeline row in the DOM; ${warmNote(warm.map((m) => m.row))}${onScreen.length ? `; page heading on screen at ${median(onScreen).toFixed(0)} ms (median)` : ''}; ${readsNote}${profiled ? `; ${profiled}` : ''}`,
          ),
        },
        o.scale,
      ),
    );
  } finally {
    await screen.close().catch(() => undefined);
  }
  return results;
}
