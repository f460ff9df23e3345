// Contacts performance (issue 6):
// - call-down progress after an attempt: a signed-in device holding 2,000 contacts on one tree and a run
//   of that tree with 6,000 attempts, the run page (/contacts/runs/:id) open. In the page, an attempt is
//   recorded with writeMutation('entry.append') on the app's database, and the time is taken until the
//   page's overall "reached" count shows it: the run page's live query re-reads the run (readRunActivity),
//   recomputes its model (computeRun, runProgress) and renders. The device is offline meanwhile, so the
//   app's sync does not push each attempt while it is measured. Baseline: a raw Dexie read of the same
//   attempts (the "@run=" index range) on an open connection. The note splits the time: the write, the
//   page's read alone, runProgress alone.
// - tree editor opens: /contacts/trees/:id loaded in the page, navigation start to the outline's first
//   treeitem in the DOM (a MutationObserver installed before the app's scripts). Baseline: raw Dexie open
//   of the app's database + the tree's nodes from the "@tree=" index.
// Data: bench/generate/contacts.ts, stored through applyPulledPage as a pull stores it.
//
// Two halves, with no Node-only runtime imports so this file can be bundled for the page:
// - the functions of `contactBench` run IN THE PAGE (bench/run.ts builds this file as its own bundle);
// - contactFigures runs in Node (bench/run.ts).
import { Dexie } from 'dexie';
import type { BrowserContext, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { runProgress, type AttemptLike, type ReportLike } from '../../src/domain/contacts/calldown';
import { facetTerm } from '../../src/domain/sync/search-text';
import type { SessionInfo } from '../../src/protocol/api';
import { DATABASE_NAME, openDatabase, writeMutation } from '../../src/storage';
import { readRunActivity } from '../../src/storage/run-queries';
import { termKey } from '../../src/storage/search-index';
import { readTree } from '../../src/storage/tree-queries';
import { generateContacts } from '../generate/contacts';
import { seedSignedInDevice, signIn } from '../lib/seed-device';
import { marksOf, REPORT_MARKS, settleBeforeNextLoad, warmNote, warmUp } from '../lib/marks';
import { figure, type FigureInput, type FigureResult } from '../lib/results';
import type { ProfileLoad } from '../lib/profile';
import { notes, repeat } from '../lib/repeat';
import { median, percentile } from '../lib/stats';

export const CONTACT_ROWS = {
  progress: {
    id: 'contacts-run-progress-p95',
    figure: 'call-down progress after an attempt, 2,000 people / 6,000 attempts, p95',
    unit: 'ms',
    target: { kind: 'max', value: 50, text: '< 50 ms' },
    sizeDependent: true,
  },
  tree: {
    id: 'contacts-tree-open',
    figure: 'tree editor opens, 2,000 nodes',
    unit: 'ms',
    target: { kind: 'max', value: 300, text: '< 300 ms' },
    sizeDependent: true,
  },
} satisfies Record<string, Omit<FigureInput, 'runs'>>;

/** The run page's overall progress row (src/ui/pages/contacts/runs/run-page.tsx); its 2nd cell is "reached". */
const OVERALL_ROW = 'tr.run-overall';
const REACHED_CELL = `${OVERALL_ROW} td:nth-of-type(2)`;
/** The tree editor's outline rows (src/ui/pages/contacts/trees/tree-outline.tsx). */
const TREE_ITEM = '[role="tree"] [role="treeitem"]';

// ---- In the page ----

export interface SeedContactsOutput {
  treeId: string;
  runId: string;
  /** Plan rows without attempts, for the attempts the bench records. */
  reserve: Record<string, string>[];
  contacts: number;
  nodes: number;
  attempts: number;
  seedMs: number;
}

/**
 * IN THE PAGE: makes the app's own database a signed-in device holding the generated contacts, tree and
 * run: the session cached, one real sync (so the stored cursor is the server's), then the records stored
 * by applyPulledPage under that cursor, as an incremental pull stores them.
 */
async function seedContactsDevice(input: {
  session: SessionInfo;
  people: number;
  attempts: number;
  reserve: number;
  seed: number;
}): Promise<SeedContactsOutput> {
  let generated: ReturnType<typeof generateContacts> | undefined;
  const counts = await seedSignedInDevice(
    input.session,
    ({ dept, userId }) => {
      generated = generateContacts({
        dept,
        userId,
        seed: input.seed,
        people: input.people,
        attempts: input.attempts,
        reserve: input.reserve,
        now: new Date().toISOString(),
      });
      return generated.records;
    },
    async (db) => {
      const count = (kind: string) => db.records.where('kind').equals(kind).count();
      return {
        contacts: await count('contact'),
        nodes: await count('tree_node'),
        attempts: await count('calldown_attempt'),
      };
    },
  );
  const { treeId, runId, reserve } = generated!;
  return { treeId, runId, reserve, ...counts };
}

/** IN THE PAGE: raw Dexie open of the app's database + the tree and its nodes from the index; ms. */
async function rawTreeNodes(treeId: string): Promise<{ ms: number; nodes: number }> {
  const start = performance.now();
  const raw = new Dexie(DATABASE_NAME);
  await raw.open();
  try {
    const records = raw.table('records');
    if (!(await records.get(treeId))) throw new Error('the tree is not on the device');
    const nodes = await records
      .where('terms')
      .equals(termKey('tree_node', facetTerm('tree', treeId)))
      .toArray();
    return { ms: performance.now() - start, nodes: nodes.length };
  } finally {
    raw.close();
  }
}

/** IN THE PAGE: the tree editor's own read (readTree without contacts, buildTree included) on an open connection; ms. */
async function treeReads(treeId: string): Promise<{ openMs: number; readMs: number; nodes: number }> {
  let t = performance.now();
  const { db } = await openDatabase({ name: DATABASE_NAME, mirror: null });
  const openMs = performance.now() - t;
  try {
    t = performance.now();
    const read = await readTree(db, treeId, { withContacts: false });
    if (!read) throw new Error('readTree found no tree');
    return { openMs, readMs: performance.now() - t, nodes: read.nodes.length };
  } finally {
    db.close();
  }
}

export interface RunReads {
  /** Raw Dexie read of the run's attempts ("@run=" range), on an open connection. */
  rawMs: number;
  /** readRunActivity (run, attempts, reports, sorted), on an open connection. */
  activityMs: number;
  /** runProgress over the plan and those attempts (the bulk of computeRun). */
  progressMs: number;
  /**
   * The attempt log's times formatted as formatDateTime (src/ui/format/format-date-time.ts, which the
   * bench's Node project cannot import) formats them: a new Intl.DateTimeFormat per attempt.
   */
  formatMs: number;
  /** The same times through one Intl.DateTimeFormat made once. */
  formatOnceMs: number;
  attempts: number;
}

/** IN THE PAGE: the run page's read and progress computation alone, and the raw read of the same attempts. */
async function runReads(runId: string): Promise<RunReads> {
  const raw = new Dexie(DATABASE_NAME);
  await raw.open();
  const { db } = await openDatabase({ name: DATABASE_NAME, mirror: null });
  try {
    const key = termKey('calldown_attempt', facetTerm('run', runId));
    let t = performance.now();
    const rows = await raw.table('records').where('terms').equals(key).toArray();
    const rawMs = performance.now() - t;
    t = performance.now();
    const activity = await readRunActivity(db, runId);
    const activityMs = performance.now() - t;
    if (!activity) throw new Error('readRunActivity found no run');
    const f = activity.run.fields;
    t = performance.now();
    runProgress(
      activity.plan,
      activity.attempts.map((a) => a.fields as unknown as AttemptLike),
      activity.reports.map((r) => r.fields as unknown as ReportLike),
      {
        attempts: Number(f.escalateAfterAttempts ?? 3),
        minutes: Number(f.escalateAfterMinutes ?? 15),
        to: f.escalateTo === 'parent' ? 'parent' : 'backup',
      },
      String(f.startedAt),
      new Date().toISOString(),
    );
    const progressMs = performance.now() - t;
    const times = activity.attempts.map((a) => new Date(String(a.fields.at)));
    t = performance.now();
    for (const date of times)
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
    const formatMs = performance.now() - t;
    t = performance.now();
    const once = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    for (const date of times) once.format(date);
    const formatOnceMs = performance.now() - t;
    if (activity.attempts.length !== rows.length)
      throw new Error('the page read other attempts than the raw read');
    return { rawMs, activityMs, progressMs, formatMs, formatOnceMs, attempts: rows.length };
  } finally {
    raw.close();
    db.close();
  }
}

/** The overall "reached" count the run page shows, or null when the row is not on screen. */
function reachedOnScreen(): number | null {
  const text = document.querySelector(REACHED_CELL)?.textContent ?? '';
  const match = /(\d+)\s*$/.exec(text);
  return match ? Number(match[1]) : null;
}

function untilReached(target: number, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (reachedOnScreen() !== target) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now());
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the run page did not show ${target} reached within ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

export interface AttemptTimes {
  /** writeMutation('entry.append') of the attempt committed; ms. */
  write: number[];
  /** From the write's start to the new count in the DOM; ms. */
  screen: number[];
}

/**
 * IN THE PAGE, on the run page: records a first "reached, confirmed" attempt for each of `rows` (people
 * with no attempt yet), one after another, each timed until the page's overall "reached" count shows it.
 */
async function attemptsToScreen(input: {
  session: SessionInfo;
  runId: string;
  dept: string;
  rows: Record<string, string>[];
}): Promise<AttemptTimes> {
  const { user } = input.session;
  const ctx = { userId: user.id, role: user.role, departments: user.departments };
  const { db } = await openDatabase({ name: DATABASE_NAME, mirror: null });
  const times: AttemptTimes = { write: [], screen: [] };
  try {
    for (const row of input.rows) {
      const before = reachedOnScreen();
      if (before === null) throw new Error(`the run page shows no progress row (${REACHED_CELL})`);
      const shown = untilReached(before + 1, 10_000);
      const start = performance.now();
      const now = new Date().toISOString();
      const result = await writeMutation(
        db,
        'entry.append',
        {
          kind: 'calldown_attempt',
          id: uuidv7(),
          dept: input.dept,
          fields: {
            runId: input.runId,
            nodeId: row.nodeId!,
            contactId: row.contactId!,
            outcome: 'reached_confirmed',
            at: now,
            callerName: user.displayName,
            ...(row.phone ? { phoneUsed: row.phone } : {}),
          },
        },
        { ...ctx, now },
      );
      times.write.push(performance.now() - start);
      if (!result.ok) throw new Error(`attempt refused: ${result.rejected.message}`);
      times.screen.push((await shown) - start);
      // Let the page settle (its other live queries, the windowed lists) before the next attempt.
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return times;
  } finally {
    db.close();
  }
}

export const contactBench = {
  signIn,
  seedContactsDevice,
  rawTreeNodes,
  treeReads,
  runReads,
  attemptsToScreen,
};
export type ContactBench = typeof contactBench;
if (typeof document !== 'undefined')
  (globalThis as unknown as { holdfastContactBench: ContactBench }).holdfastContactBench = contactBench;

// ---- Node half ----

function call<K extends keyof ContactBench>(
  page: Page,
  name: K,
  ...args: Parameters<ContactBench[K]>
): Promise<Awaited<ReturnType<ContactBench[K]>>> {
  return page.evaluate(
    ([fn, fnArgs]) => {
      const bench = (
        globalThis as unknown as { holdfastContactBench?: Record<string, (...a: unknown[]) => unknown> }
      ).holdfastContactBench;
      const f = bench?.[fn];
      if (!f) throw new Error(`holdfastContactBench.${fn} is not in the page (bench/figures/contacts.ts)`);
      return f(...fnArgs);
    },
    [name, args] as [string, unknown[]],
  ) as never;
}

/** Installed before the app's scripts: when the page heading, the first treeitem and the progress row appear. */
const FIRST_ROW_OBSERVER = `(() => {
  const marks = (globalThis.__holdfastMarks = {});
  const observer = new MutationObserver(() => {
    if (marks.page === undefined && document.querySelector('h1')) marks.page = performance.now();
    if (marks.tree === undefined && document.querySelector(${JSON.stringify(TREE_ITEM)})) marks.tree = performance.now();
    if (marks.run === undefined && document.querySelector(${JSON.stringify(REACHED_CELL)})) marks.run = performance.now();
    if (marks.tree !== undefined || marks.run !== undefined) {
      observer.disconnect();
      ${REPORT_MARKS};
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Marks {
  page?: number;
  tree?: number;
  run?: number;
}

/** Loads `url` in `page` and returns its marks once `mark` is taken. */
async function waitMark(page: Page, url: string, mark: 'tree' | 'run'): Promise<Marks> {
  const marks = await marksOf<Marks>(page, () => page.goto(url));
  if (typeof marks[mark] !== 'number') throw new Error(`${url}: no ${mark} mark (${JSON.stringify(marks)})`);
  return marks;
}

export interface ContactFigureOptions {
  context: () => Promise<BrowserContext>;
  /** This file built for the page (bench/run.ts). */
  bundle: string;
  username: string;
  password: string;
  sizes: { people: number; attempts: number; attemptsPerRun: number };
  runs: number;
  scale: number;
  log: (message: string) => void;
  /** BENCH_PROFILE: profiles one extra page load (bench/lib/profiler.ts); null otherwise. */
  profile: ProfileLoad | null;
}

/** Unmeasured attempts before the measured ones (they warm the write path and the page's re-render). */
const WARM_ATTEMPTS = 3;

export async function contactFigures(o: ContactFigureOptions): Promise<FigureResult[]> {
  const results: FigureResult[] = [];
  const n = (count: number) => count.toLocaleString('en-US');
  const context = await o.context();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    await page.goto('/', { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    await page.evaluate(o.bundle);
    const session = await call(page, 'signIn', o.username, o.password);
    const seeded = await call(page, 'seedContactsDevice', {
      session,
      people: o.sizes.people,
      attempts: o.sizes.attempts,
      reserve: WARM_ATTEMPTS + o.runs * o.sizes.attemptsPerRun,
      seed: 60,
    });
    o.log(
      `stored ${n(seeded.contacts)} contacts, a tree of ${n(seeded.nodes)} nodes and a run with ${n(seeded.attempts)} attempts through applyPulledPage in ${(seeded.seedMs / 1000).toFixed(1)} s`,
    );

    // 1. The tree editor opens.
    const raw = await repeat(o.runs, 30, () => call(page, 'rawTreeNodes', seeded.treeId));
    const reads = await repeat(o.runs, 30, () => call(page, 'treeReads', seeded.treeId));
    await page.addInitScript(FIRST_ROW_OBSERVER);
    const treeUrl = `/contacts/trees/${seeded.treeId}`;
    const warm = await warmUp(page, () => waitMark(page, treeUrl, 'tree'));
    const open = await repeat(o.runs, 90, async () => {
      await settleBeforeNextLoad(page);
      return waitMark(page, treeUrl, 'tree');
    });
    await settleBeforeNextLoad(page);
    const profiled = await o.profile?.(page, 'tree-open', TREE_ITEM, () => page.goto(treeUrl));
    const onScreen = open.results.map((r) => r.page).filter((m): m is number => typeof m === 'number');
    results.push(
      figure(
        {
          ...CONTACT_ROWS.tree,
          runs: open.results.map((r) => r.tree!),
          baseline: {
            label: 'raw Dexie open + tree + its nodes',
            value: median(raw.results.map((r) => r.ms)),
            unit: 'ms',
          },
          note: notes(
            open.shortened,
            `/contacts/trees/:id loaded online, signed in, ${n(seeded.nodes)} nodes and ${n(seeded.contacts)} contacts on the device; navigation start to the outline's first treeitem in the DOM, ${warmNote(warm.map((m) => m.tree ?? NaN))}${onScreen.length ? `; page heading at ${median(onScreen).toFixed(0)} ms` : ''}; the editor's read alone (readTree without contacts, buildTree) ${median(reads.results.map((r) => r.readMs)).toFixed(0)} ms after opening the database in ${median(reads.results.map((r) => r.openMs)).toFixed(0)} ms (medians)${profiled ? `; ${profiled}` : ''}`,
          ),
        },
        o.scale,
      ),
    );

    // 2. Progress after an attempt, on the run page, offline.
    const runUrl = `/contacts/runs/${seeded.runId}`;
    await waitMark(page, runUrl, 'run');
    await page.evaluate(o.bundle);
    const split = await repeat(o.runs, 30, () => call(page, 'runReads', seeded.runId));
    await context.setOffline(true);
    const dept = session.user.departments[0] ?? 'bench-device';
    const reserve = seeded.reserve;
    await call(page, 'attemptsToScreen', {
      session,
      runId: seeded.runId,
      dept,
      rows: reserve.slice(0, WARM_ATTEMPTS),
    });
    const per = o.sizes.attemptsPerRun;
    const attempts = await repeat(o.runs, 60, (run) =>
      call(page, 'attemptsToScreen', {
        session,
        runId: seeded.runId,
        dept,
        rows: reserve.slice(WARM_ATTEMPTS + run * per, WARM_ATTEMPTS + (run + 1) * per),
      }),
    );
    await context.setOffline(false);
    const a = attempts.results;
    const s = split.results;
    results.push(
      figure(
        {
          ...CONTACT_ROWS.progress,
          runs: a.map((r) => percentile(r.screen, 95)),
          baseline: {
            label: `raw Dexie read of the run's ${n(s[0]!.attempts)} attempts`,
            value: median(s.map((r) => r.rawMs)),
            unit: 'ms',
          },
          note: notes(
            attempts.shortened,
            `run page open (/contacts/runs/:id), ${n(seeded.nodes)} people, ${n(seeded.attempts)} attempts, device offline; ${per} attempts per run, each writeMutation('entry.append') then until the overall "reached" count in the DOM shows it (live query: readRunActivity, computeRun, render); median ${median(a.map((r) => median(r.screen))).toFixed(1)} ms, median over runs of each run's p95; split (medians): write ${median(a.map((r) => median(r.write))).toFixed(1)} ms, readRunActivity alone on a fresh connection (cold: the page's later reads load only new attempts) ${median(s.map((r) => r.activityMs)).toFixed(1)} ms, runProgress alone ${median(s.map((r) => r.progressMs)).toFixed(1)} ms, the attempt log's ${n(s[0]!.attempts)} times formatted with a new Intl.DateTimeFormat each ${median(s.map((r) => r.formatMs)).toFixed(0)} ms against ${median(s.map((r) => r.formatOnceMs)).toFixed(1)} ms with one formatter (formatDateTime keeps one per language)`,
          ),
        },
        o.scale,
      ),
    );
  } finally {
    await context.close().catch(() => undefined);
  }
  return results;
}
