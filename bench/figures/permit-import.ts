// Permit import (issue 4): the Burlington file (5,026 rows, target < 1.5 s) and 50,000 generated rows
// (target < 10 s, memory flat) imported in headless Chromium the way the import page does it: index the
// text, suggested mapping, status words, check (convert, merge repeated numbers, validate, keep only the
// problems and row indexes), then writeCreates, which builds the permits again from the text a chunk at a
// time inside its one strict transaction. Baseline: raw bulkPut/bulkAdd of the very same record and outbox
// rows in one strict transaction, on a fresh database of the same schema (the storage floor).
//
// Memory: the peak JS heap of each import over the heap just before it, with the file's text already in
// memory (it is the input: the page holds it from the moment the file is read). Flat means the 50,000-row
// import takes no more than the 5,026-row one, within a margin (the heap ratio row); the same imports made
// the old way, holding every parsed row, permit and create at once, are measured once each for comparison.
//
// Two halves in this one file, with no Node-only imports so the bench bundle can include it:
// - permitImportPrepare / permitImportFigure / permitImportBaseline run IN THE PAGE (registered in
//   bench/browser/entry.ts's holdfastBench).
// - permitImportFigures(bench, …) runs in Node (bench/run.ts) and calls the page halves by name.
import { v7 as uuidv7 } from 'uuid';
import {
  buildImport,
  checkImport,
  indexCsv,
  parseCsv,
  permitCreates,
  statusValues,
  suggestMapping,
  suggestStatus,
  suggestStatuses,
  textRows,
} from '../../src/domain/permits/import';
import { csvCell } from '../../src/domain/permits/export/csv-export';
import type { SessionInfo } from '../../src/protocol/api';
import type { BenchPage } from '../lib/browser';
import { openDatabase, type HoldfastDatabase } from '../../src/storage';
import type { OutboxRow, StoredRecord } from '../../src/storage/sync-rows';
import { writeCreateBatch, writeCreates } from '../../src/storage/write-batch';
import { figure, type FigureInput, type FigureResult } from '../lib/results';
import { notes, repeat } from '../lib/repeat';
import { median } from '../lib/stats';

const DB_PREFIX = 'holdfast-bench-';

export const PERMIT_IMPORT_ROWS = {
  burlington: {
    id: 'permit-import-burlington',
    figure: 'permit import, Burlington file (5,026 rows)',
    unit: 'ms',
    target: { kind: 'max', value: 1_500, text: '< 1.5 s' },
  },
  large: {
    id: 'permit-import-50k',
    figure: 'permit import, 50,000 rows',
    unit: 'ms',
    target: { kind: 'max', value: 10_000, text: '< 10 s' },
  },
  smallHeap: {
    id: 'permit-import-burlington-heap',
    figure: 'permit import 5,026 rows, peak JS heap over idle',
    unit: 'MB',
    target: null,
  },
  heap: {
    id: 'permit-import-50k-heap',
    figure: 'permit import 50,000 rows, peak JS heap over idle',
    unit: 'MB',
    target: null,
  },
  smallLive: {
    id: 'permit-import-burlington-live',
    figure: 'permit import 5,026 rows, peak live heap over idle',
    unit: 'MB',
    target: null,
  },
  largeLive: {
    id: 'permit-import-50k-live',
    figure: 'permit import 50,000 rows, peak live heap over idle',
    unit: 'MB',
    target: null,
  },
  heapRatio: {
    id: 'permit-import-live-ratio',
    figure: 'permit import peak live heap, 50,000 rows ÷ 5,026 rows',
    unit: 'x',
    target: { kind: 'max', value: 2, text: '< 2x' },
  },
  heldLive: {
    id: 'permit-import-held-live',
    figure: 'the old import (every row held), peak live heap at 50,000 rows',
    unit: 'MB',
    target: null,
  },
} satisfies Record<string, Omit<FigureInput, 'runs'>>;

/** Runs of the 5,026-row import whose live-heap samples are pooled (see permitImportFigures). */
const SMALL_LIVE_RUNS = 5;

export interface PermitImportInput {
  session: SessionInfo;
  /**
   * `chunked`: as the import page does it (the text indexed, the permits built a chunk at a time).
   * `held`: every row parsed, every permit planned and every create made before the write, as before.
   */
  flow: 'chunked' | 'held';
  /** Also time the floor's two halves alone (records only, outbox only), each on its own fresh database. */
  splitFloor?: boolean;
}

export interface PermitImportOnly {
  /** The database the import wrote (kept for permitImportBaseline). */
  database: string;
  totalMs: number;
  parseMs: number;
  planMs: number;
  writeMs: number;
  rows: number;
  permits: number;
  broken: number;
}

export interface PermitImportFloor {
  /** Raw bulkPut of the same stored records and outbox rows in one strict transaction, fresh database. */
  bulkPutMs: number;
  /** With splitFloor: the records alone, then the outbox rows alone, the same way (else NaN). */
  recordsAloneMs: number;
  outboxAloneMs: number;
  outboxRows: number;
}

export type PermitImportOutput = Omit<PermitImportOnly, 'database'> & PermitImportFloor;

/** The file's rows repeated under new numbers ("24-019651~3") until `rows` data lines (built untimed). */
function grownCsv(text: string, rows: number): string {
  const csv = parseCsv(text);
  if (rows <= csv.rows.length) return text;
  const numberAt = csv.headers.indexOf('FILENO');
  const lines = [csv.headers.map(csvCell).join(',')];
  for (let i = 0; lines.length <= rows; i++) {
    const round = Math.floor(i / csv.rows.length);
    const cells = [...csv.rows[i % csv.rows.length]!.cells];
    if (round > 0) cells[numberAt] = `${cells[numberAt]}~${round}`;
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\n');
}

async function freshDatabase(tag: string): Promise<HoldfastDatabase> {
  const { db } = await openDatabase({ name: `${DB_PREFIX}${tag}-${uuidv7()}`, mirror: null });
  return db;
}

async function dropDatabase(db: HoldfastDatabase): Promise<void> {
  db.close();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(db.name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/**
 * Every row of a store exactly as stored, in one native getAll: no middleware reads them (the records
 * table's settled-base check walked the outbox once per row, minutes for 50,000 rows, all of it untimed
 * but counted against the figure's time budget). Every imported row has a pending entry, so a Dexie read
 * would hand out the very same rows.
 */
function storedRows<T>(db: HoldfastDatabase, store: 'records' | 'outbox'): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const request = db.backendDB().transaction(store, 'readonly').objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result as T[]);
    request.onerror = () => reject(request.error ?? new Error(`reading ${store} failed`));
  });
}

/** What the measured import leaves for its baseline: the database it wrote, still open. */
const imported = new Map<string, HoldfastDatabase>();

/** The file of the next import, made by permitImportPrepare: in memory before the import, as a read file is. */
let prepared: string | null = null;

/** IN THE PAGE: makes the next import's file (unmeasured) and says how long it is. */
export function permitImportPrepare(input: { csvText: string; rows: number }): { chars: number } {
  prepared = grownCsv(input.csvText, input.rows);
  return { chars: prepared.length };
}

/** IN THE PAGE: lets the last file go (after its import and baseline). */
export function permitImportRelease(): void {
  prepared = null;
}

/** The import page's steps, on a file already in memory; nothing from the file is kept but its text. */
async function importChunked(
  db: HoldfastDatabase,
  text: string,
  session: SessionInfo,
  marks: { parsed: number; planned: number },
) {
  const { user } = session;
  const dept = user.departments[0] ?? 'bench-device';
  const rows = textRows(text, indexCsv(text));
  marks.parsed = performance.now();
  const mapping = suggestMapping(rows.headers);
  const statuses = suggestStatuses(statusValues(rows, mapping), suggestStatus, 'submitted');
  const check = checkImport(rows, { mapping, statuses, dept, fileName: 'burlington-permits.csv' });
  marks.planned = performance.now();
  const result = await writeCreates(
    db,
    { count: check.permitCount, slice: (from, to) => permitCreates(rows, check, from, to) },
    { userId: user.id, role: user.role, departments: user.departments, now: new Date().toISOString() },
    { skipExisting: true },
  );
  return { result, rows: rows.rowCount, broken: check.brokenCount };
}

/** The import as it was before: every row parsed, every permit planned and every create made, then written. */
async function importHeld(
  db: HoldfastDatabase,
  text: string,
  session: SessionInfo,
  marks: { parsed: number; planned: number },
) {
  const { user } = session;
  const dept = user.departments[0] ?? 'bench-device';
  const csv = parseCsv(text);
  marks.parsed = performance.now();
  const mapping = suggestMapping(csv.headers);
  const statuses = suggestStatuses(statusValues(csv, mapping), suggestStatus, 'submitted');
  const plan = buildImport(csv, { mapping, statuses, dept, fileName: 'burlington-permits.csv' });
  marks.planned = performance.now();
  const result = await writeCreateBatch(
    db,
    plan.permits.map((p) => ({ kind: 'permit', id: p.id, dept, fields: p.fields })),
    { userId: user.id, role: user.role, departments: user.departments, now: new Date().toISOString() },
    { skipExisting: true },
  );
  return { result, rows: csv.rows.length, broken: plan.broken.length };
}

/**
 * IN THE PAGE: one measured import of the prepared file into a fresh database, which is kept (by name) for
 * the baseline. Only this call runs while the heap is sampled, so the peak is the import's own, not the
 * baseline's copy of every stored row.
 */
export async function permitImportFigure(input: PermitImportInput): Promise<PermitImportOnly> {
  const text = prepared;
  if (text === null) throw new Error('permitImportPrepare was not called');
  const db = await freshDatabase('import');
  try {
    const start = performance.now();
    const marks = { parsed: start, planned: start };
    const { result, rows, broken } = await (input.flow === 'held' ? importHeld : importChunked)(
      db,
      text,
      input.session,
      marks,
    );
    const end = performance.now();
    if (!result.ok) throw new Error(`the import was refused: ${result.rejected.message}`);
    imported.set(db.name, db);
    return {
      database: db.name,
      totalMs: end - start,
      parseMs: marks.parsed - start,
      planMs: marks.planned - marks.parsed,
      writeMs: end - marks.planned,
      rows,
      permits: result.written,
      broken,
    };
  } catch (error) {
    await dropDatabase(db);
    throw error;
  }
}

/** IN THE PAGE: the raw baseline of an import just measured (its rows read back), then both databases go. */
export async function permitImportBaseline(input: {
  database: string;
  splitFloor?: boolean;
  /** Only drop the database (the comparison runs of the old way need no floor). */
  dropOnly?: boolean;
}): Promise<PermitImportFloor> {
  const db = imported.get(input.database);
  if (!db) throw new Error(`no imported database ${input.database}`);
  imported.delete(input.database);
  try {
    if (input.dropOnly) return { bulkPutMs: NaN, recordsAloneMs: NaN, outboxAloneMs: NaN, outboxRows: NaN };
    const [stored, queued] = await Promise.all([
      storedRows<StoredRecord>(db, 'records'),
      storedRows<OutboxRow>(db, 'outbox'),
    ]);
    const raw = await freshDatabase('import-raw');
    const rawStart = performance.now();
    await raw.transaction('rw', [raw.records, raw.outbox], () =>
      Promise.all([raw.records.bulkPut(stored), raw.outbox.bulkAdd(queued)]),
    );
    const bulkPutMs = performance.now() - rawStart;
    await dropDatabase(raw);
    const alone = async (table: 'records' | 'outbox'): Promise<number> => {
      if (!input.splitFloor) return NaN;
      const only = await freshDatabase(`import-${table}`);
      const begin = performance.now();
      await only.transaction('rw', [only.records, only.outbox], async () => {
        if (table === 'records') await only.records.bulkPut(stored);
        else await only.outbox.bulkAdd(queued);
      });
      const ms = performance.now() - begin;
      await dropDatabase(only);
      return ms;
    };
    const recordsAloneMs = await alone('records');
    const outboxAloneMs = await alone('outbox');
    return { bulkPutMs, recordsAloneMs, outboxAloneMs, outboxRows: queued.length };
  } finally {
    await dropDatabase(db);
  }
}

/** IN NODE: calls a page half by name (registered in the bench bundle's holdfastBench). */
function inPage<I, O>(bench: BenchPage, name: string, input: I): Promise<O> {
  return bench.page.evaluate(
    ([fnName, arg]) => {
      const fn = (globalThis as unknown as { holdfastBench: Record<string, (a: unknown) => unknown> })
        .holdfastBench[fnName];
      if (!fn) throw new Error(`holdfastBench.${fnName} is not registered in bench/browser/entry.ts`);
      return fn(arg);
    },
    [name, input] as const,
  ) as Promise<O>;
}

async function usedHeap(bench: BenchPage, collect: boolean): Promise<number> {
  if (collect) await bench.cdp.send('HeapProfiler.collectGarbage');
  return ((await bench.cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
}

const MB = 1e6;

interface Measured extends PermitImportOutput {
  /** Peak JS heap while the import ran, over the heap after GC just before it (file text in memory). */
  peakMB: number;
  idleMB: number;
  /** What the file's text added to the heap (after GC), and its length. */
  textMB: number;
  chars: number;
}

/**
 * One import of `rows` rows: the file made and GC'd first (unmeasured), then the import alone with its heap
 * sampled, then its baseline (`floor`), whose read-back of every stored row is not sampled. `used`: every
 * 50 ms, CDP Runtime.getHeapUsage (the heap a device holds, garbage not yet collected included). `live`:
 * a full GC (CDP HeapProfiler.collectGarbage) before each sample, every 250 ms, so the peak is what the
 * import keeps alive; the GCs slow the import, so these runs are not timed.
 */
async function measuredImport(
  bench: BenchPage,
  input: PermitImportInput & { csvText: string; rows: number },
  floor: 'split' | 'bulk' | 'none',
  heap: 'used' | 'live' = 'used',
): Promise<Measured> {
  const { csvText, rows, ...importInput } = input;
  const empty = await usedHeap(bench, true);
  const { chars } = await inPage<{ csvText: string; rows: number }, { chars: number }>(
    bench,
    'permitImportPrepare',
    { csvText, rows },
  );
  const idle = await usedHeap(bench, true);
  try {
    let peak = idle;
    let running = true;
    const sampler = (async () => {
      while (running) {
        peak = Math.max(peak, await usedHeap(bench, heap === 'live'));
        await new Promise((resolve) => setTimeout(resolve, heap === 'live' ? 250 : 50));
      }
    })();
    let measured: PermitImportOnly;
    try {
      measured = await inPage<PermitImportInput, PermitImportOnly>(bench, 'permitImportFigure', importInput);
    } finally {
      running = false;
      await sampler;
    }
    const { database, ...times } = measured;
    const floorRows = await inPage<
      { database: string; splitFloor?: boolean; dropOnly?: boolean },
      PermitImportFloor
    >(bench, 'permitImportBaseline', {
      database,
      ...(floor === 'split' ? { splitFloor: true } : floor === 'none' ? { dropOnly: true } : {}),
    });
    return {
      ...times,
      ...floorRows,
      peakMB: (peak - idle) / MB,
      idleMB: idle / MB,
      textMB: (idle - empty) / MB,
      chars,
    };
  } finally {
    await inPage(bench, 'permitImportRelease', null);
  }
}

const mb = (value: number) => `${value.toFixed(1)} MB`;

export async function permitImportFigures(
  bench: BenchPage,
  session: SessionInfo,
  csvText: string,
  sizes: { burlington: number; large: number },
  runs: number,
  scale: number,
): Promise<FigureResult[]> {
  // Small unmeasured rounds first, so the runs compare warmed-up code.
  for (const flow of ['chunked', 'held'] as const)
    await measuredImport(bench, { session, csvText, rows: 200, flow }, 'none');
  const small = await repeat(runs, 150, () =>
    measuredImport(bench, { session, csvText, rows: sizes.burlington, flow: 'chunked' }, 'split'),
  );
  const large = await repeat(Math.min(runs, 3), 300, () =>
    measuredImport(bench, { session, csvText, rows: sizes.large, flow: 'chunked' }, 'split'),
  );
  // What each import keeps alive (forced GC before each sample, every 250 ms), each way: the chunked one
  // and, for comparison, the old way holding every row. A 50,000-row import gives some eighty samples in
  // one run, a 5,026-row one about ten, too few to catch its peak: the small size is run five times and
  // its samples pooled (the highest of the five peaks), so both peaks come from about as many samples.
  const live = async (rows: number, flow: PermitImportInput['flow']) =>
    (await measuredImport(bench, { session, csvText, rows, flow }, 'none', 'live')).peakMB;
  const pooled = async (flow: PermitImportInput['flow']) => {
    const peaks: number[] = [];
    for (let i = 0; i < SMALL_LIVE_RUNS; i += 1) peaks.push(await live(sizes.burlington, flow));
    return peaks;
  };
  const smallLive = await pooled('chunked');
  const largeLive = await live(sizes.large, 'chunked');
  const heldSmallLive = Math.max(...(await pooled('held')));
  const heldLargeLive = await live(sizes.large, 'held');

  const split = (r: PermitImportOutput[]) =>
    `parse ${median(r.map((x) => x.parseMs)).toFixed(0)} ms, plan ${median(r.map((x) => x.planMs)).toFixed(0)} ms, write ${median(r.map((x) => x.writeMs)).toFixed(0)} ms`;
  const first = small.results[0]!;
  const big = large.results[0]!;
  const smallLivePeak = Math.max(...smallLive);
  const text = (r: Measured[]) =>
    `the file's text (${(r[0]!.chars / 1e6).toFixed(1)} M characters, ${mb(median(r.map((x) => x.textMB)))} of heap) is in memory before the import, in the baseline, not in the figure`;
  return [
    figure(
      {
        ...PERMIT_IMPORT_ROWS.burlington,
        runs: small.results.map((r) => r.totalMs),
        baseline: {
          label: 'raw bulkPut records + outbox, 1 tx',
          value: median(small.results.map((r) => r.bulkPutMs)),
          unit: 'ms',
        },
        sizeDependent: true,
        note: notes(
          small.shortened,
          `${first.rows} rows → ${first.permits} permits + ${first.outboxRows} outbox entries in one strict transaction (${first.broken} broken skipped); ${split(small.results)} (index the text; status words and check, keeping the built permits of a file this small; write them a chunk at a time); the baseline's halves alone: records ${median(small.results.map((r) => r.recordsAloneMs)).toFixed(0)} ms, outbox rows ${median(small.results.map((r) => r.outboxAloneMs)).toFixed(0)} ms`,
        ),
      },
      scale,
    ),
    figure(
      {
        ...PERMIT_IMPORT_ROWS.large,
        runs: large.results.map((r) => r.totalMs),
        baseline: {
          label: 'raw bulkPut records + outbox, 1 tx',
          value: median(large.results.map((r) => r.bulkPutMs)),
          unit: 'ms',
        },
        sizeDependent: true,
        note: notes(
          large.shortened,
          `${big.rows} rows → ${big.permits} permits in ${big.outboxRows} outbox entries; ${split(large.results)}; the baseline's halves alone: records ${median(large.results.map((r) => r.recordsAloneMs)).toFixed(0)} ms, outbox rows ${median(large.results.map((r) => r.outboxAloneMs)).toFixed(0)} ms`,
        ),
      },
      scale,
    ),
    figure(
      {
        ...PERMIT_IMPORT_ROWS.smallHeap,
        runs: small.results.map((r) => r.peakMB),
        baseline: {
          label: 'heap before, file text in it',
          value: median(small.results.map((r) => r.idleMB)),
          unit: 'MB',
        },
        note: `used heap (garbage not yet collected included) sampled every 50 ms with CDP Runtime.getHeapUsage over the timed imports; ${text(small.results)}`,
      },
      scale,
    ),
    figure(
      {
        ...PERMIT_IMPORT_ROWS.heap,
        runs: large.results.map((r) => r.peakMB),
        baseline: {
          label: 'heap before, file text in it',
          value: median(large.results.map((r) => r.idleMB)),
          unit: 'MB',
        },
        note: `as at 5,026 rows; ${text(large.results)}. Most of this is garbage V8 has not collected yet: a longer run of allocations lets the heap grow further before a full GC (the live rows below)`,
      },
      scale,
    ),
    figure(
      {
        ...PERMIT_IMPORT_ROWS.smallLive,
        runs: smallLive,
        note: `a full GC before each sample (every 250 ms), so this is what the import keeps alive; untimed runs; the ratio below takes the highest of the ${SMALL_LIVE_RUNS} (their samples pooled: one run has about ten)`,
      },
      scale,
    ),
    figure(
      {
        ...PERMIT_IMPORT_ROWS.largeLive,
        runs: [largeLive],
        baseline: { label: 'the old import, same rows', value: heldLargeLive, unit: 'MB' },
        note: `as at 5,026 rows; one run. The old import (every row parsed, every permit and create made before the write) in the same run: ${mb(heldSmallLive)} at 5,026 rows, ${mb(heldLargeLive)} at 50,000`,
      },
      scale,
    ),
    figure(
      {
        ...PERMIT_IMPORT_ROWS.heapRatio,
        runs: [largeLive / smallLivePeak],
        baseline: { label: 'the old import', value: heldLargeLive / heldSmallLive, unit: 'x' },
        sizeDependent: true,
        note: `live peak at 50,000 rows over the pooled peak of ${SMALL_LIVE_RUNS} runs at 5,026 (${mb(smallLivePeak)}; the old import's the same way): ten times the rows must take less than twice the memory, which holding anything per row beyond a few dozen bytes fails. What grows with the rows is the row index and permit groups (five numbers a row), the map of permit numbers while the file is checked, and Dexie's note of the outbox keys the transaction changed; the permits are built, written and let go 1,000 at a time`,
      },
      scale,
    ),
    figure(
      {
        ...PERMIT_IMPORT_ROWS.heldLive,
        runs: [heldLargeLive],
        baseline: { label: 'the same at 5,026 rows', value: heldSmallLive, unit: 'MB' },
        note: 'for comparison: parseCsv + buildImport + writeCreateBatch of every create, as the page did before: every row, permit and create held while the batch writes',
      },
      scale,
    ),
  ];
}
