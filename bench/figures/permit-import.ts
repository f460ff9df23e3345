// Permit import (issue 4): the Burlington file (5,026 rows, target < 1.5 s) and 50,000 generated rows
// (target < 10 s, memory flat) imported in headless Chromium the way the import page does it: parse,
// suggested mapping, plan (convert, merge repeated numbers, validate), then writeCreateBatch (every permit
// and its outbox entry in one strict transaction). Baseline: raw bulkPut/bulkAdd of the very same record and
// outbox rows in one strict transaction, on a fresh database of the same schema (the storage floor).
//
// Two halves in this one file, with no Node-only imports so the bench bundle can include it:
// - permitImportFigure(input) runs IN THE PAGE. Register it in bench/browser/entry.ts's holdfastBench.
// - permitImportFigures(bench, …) runs in Node (bench/run.ts) and calls the page half by name.
import { v7 as uuidv7 } from 'uuid';
import {
  buildImport,
  parseCsv,
  statusValues,
  suggestMapping,
  suggestStatus,
  suggestStatuses,
} from '../../src/domain/permits/import';
import { csvCell } from '../../src/domain/permits/export/csv-export';
import type { SessionInfo } from '../../src/protocol/api';
import type { BenchPage } from '../lib/browser';
import { openDatabase, type HoldfastDatabase } from '../../src/storage';
import type { OutboxRow, StoredRecord } from '../../src/storage/sync-rows';
import { writeCreateBatch } from '../../src/storage/write-batch';
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
  heap: {
    id: 'permit-import-50k-heap',
    figure: 'permit import 50,000 rows, peak JS heap over idle',
    unit: 'MB',
    target: null,
  },
} satisfies Record<string, Omit<FigureInput, 'runs'>>;

export interface PermitImportInput {
  session: SessionInfo;
  /** The Burlington CSV as text (bench/run.ts reads e2e/fixtures/burlington-permits.csv). */
  csvText: string;
  /** Rows to import: the file's own rows, or more by repeating them under new permit numbers. */
  rows: number;
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

/**
 * IN THE PAGE: one measured import into a fresh database, which is kept (by name) for the baseline. Only
 * this call runs while the heap is sampled, so the peak is the import's own, not the baseline's copy of
 * every stored row.
 */
export async function permitImportFigure(input: PermitImportInput): Promise<PermitImportOnly> {
  const text = grownCsv(input.csvText, input.rows);
  const { user } = input.session;
  const dept = user.departments[0] ?? 'bench-device';
  const db = await freshDatabase('import');
  try {
    const start = performance.now();
    const csv = parseCsv(text);
    const parsed = performance.now();
    const mapping = suggestMapping(csv.headers);
    const statuses = suggestStatuses(statusValues(csv, mapping), suggestStatus, 'submitted');
    const plan = buildImport(csv, { mapping, statuses, dept, fileName: 'burlington-permits.csv' });
    const planned = performance.now();
    const result = await writeCreateBatch(
      db,
      plan.permits.map((p) => ({ kind: 'permit', id: p.id, dept, fields: p.fields })),
      { userId: user.id, role: user.role, departments: user.departments, now: new Date().toISOString() },
      { skipExisting: true },
    );
    const end = performance.now();
    if (!result.ok) throw new Error(`the import was refused: ${result.rejected.message}`);
    imported.set(db.name, db);
    return {
      database: db.name,
      totalMs: end - start,
      parseMs: parsed - start,
      planMs: planned - parsed,
      writeMs: end - planned,
      rows: csv.rows.length,
      permits: result.written,
      broken: plan.broken.length,
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
}): Promise<PermitImportFloor> {
  const db = imported.get(input.database);
  if (!db) throw new Error(`no imported database ${input.database}`);
  imported.delete(input.database);
  try {
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

/**
 * One import and then its baseline. `during` wraps the import alone (the heap sampler), so what the
 * baseline reads back never counts as the import's memory.
 */
async function importThenFloor(
  bench: BenchPage,
  input: PermitImportInput,
  during: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
): Promise<PermitImportOutput> {
  const { database, ...measured } = await during(() =>
    inPage<PermitImportInput, PermitImportOnly>(bench, 'permitImportFigure', input),
  );
  const floor = await inPage<{ database: string; splitFloor?: boolean }, PermitImportFloor>(
    bench,
    'permitImportBaseline',
    { database, ...(input.splitFloor ? { splitFloor: true } : {}) },
  );
  return { ...measured, ...floor };
}

async function usedHeap(bench: BenchPage, collect: boolean): Promise<number> {
  if (collect) await bench.cdp.send('HeapProfiler.collectGarbage');
  return ((await bench.cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
}

const MB = 1e6;

export async function permitImportFigures(
  bench: BenchPage,
  session: SessionInfo,
  csvText: string,
  sizes: { burlington: number; large: number },
  runs: number,
  scale: number,
): Promise<FigureResult[]> {
  // One small unmeasured round first, so the runs compare warmed-up code.
  await importThenFloor(bench, { session, csvText, rows: 200 });
  const small = await repeat(runs, 120, () =>
    importThenFloor(bench, { session, csvText, rows: sizes.burlington, splitFloor: true }),
  );

  const idle = await usedHeap(bench, true);
  const peaks: number[] = [];
  const large = await repeat(Math.min(runs, 3), 300, () =>
    importThenFloor(bench, { session, csvText, rows: sizes.large, splitFloor: true }, async (work) => {
      let peak = 0;
      let running = true;
      const sampler = (async () => {
        while (running) {
          peak = Math.max(peak, await usedHeap(bench, false));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      try {
        return await work();
      } finally {
        running = false;
        await sampler;
        peaks.push((peak - idle) / MB);
      }
    }),
  );

  const split = (r: PermitImportOutput[]) =>
    `parse ${median(r.map((x) => x.parseMs)).toFixed(0)} ms, plan ${median(r.map((x) => x.planMs)).toFixed(0)} ms, write ${median(r.map((x) => x.writeMs)).toFixed(0)} ms`;
  const first = small.results[0]!;
  const big = large.results[0]!;
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
          `${first.rows} rows → ${first.permits} permits + ${first.outboxRows} outbox entries in one strict transaction (${first.broken} broken skipped); ${split(small.results)}; the baseline's halves alone: records ${median(small.results.map((r) => r.recordsAloneMs)).toFixed(0)} ms, outbox rows ${median(small.results.map((r) => r.outboxAloneMs)).toFixed(0)} ms`,
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
        ...PERMIT_IMPORT_ROWS.heap,
        runs: peaks,
        baseline: { label: 'idle heap after GC', value: idle / MB, unit: 'MB' },
        note: 'sampled every 50 ms with CDP Runtime.getHeapUsage over the import alone (the baseline reads its rows back afterwards, unsampled); the file text, its rows and the plan are held while the batch writes',
      },
      scale,
    ),
  ];
}
