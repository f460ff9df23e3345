// A record row's `base` (the server's version, kept while a local change waits to be confirmed) means
// something only while a pending outbox entry touches the row. Settling a push therefore leaves the rows
// whose entries all applied as the device showed them as they are (rewriting every pushed row only to
// drop `base` cost as much as the push itself), and reads never show such a stale `base`: every row read
// from the records table that carries one is checked against the outbox's `touched` index (and the
// targets of pending conflict resolutions, which that index does not name) and handed out without it
// when no pending entry touches it. So `'base' in row` keeps meaning "holds a change not yet confirmed"
// for every reader (toRecordView's `pending`, the write path's withBase, the "Unsent" tags).
//
// The check reads the outbox in the same transaction as the rows, so every read-only transaction on the
// records table also covers the outbox (the app's read-write ones that read records already do). The
// reads go through Dexie's lower layers, so a live query that reads such a row also watches the outbox
// entries that decided it, and shows the row as confirmed as soon as a push settles them.
import Dexie from 'dexie';
import type {
  DBCore,
  DBCoreCursor,
  DBCoreIndex,
  DBCoreKeyRange,
  DBCoreOpenCursorRequest,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import { touchedIds } from '../domain/sync/outbox-entry';
import type { SyncRecord } from '../domain/sync/sync-record';
import type { OutboxRow, StoredRecord } from './sync-rows';

/** Transactions whose code reads `base` only from rows a pending entry touches (see readRowsAsStored). */
const asStored = new WeakSet<object>();

/**
 * Lets the current transaction read record rows as stored, `base` and all, without the outbox check.
 * Only for code that reads `base` solely from rows that pending outbox entries touch (settling a push):
 * their `base` is always current, since every write that leaves an entry pending writes the row's base
 * with it (from the row as reads show it).
 */
export function readRowsAsStored(): void {
  const trans = Dexie.currentTransaction as { idbtrans?: object } | null;
  if (trans?.idbtrans) asStored.add(trans.idbtrans);
}

// DBCoreRangeType is a const enum, which isolated modules cannot use: its values.
const RANGE = 2 as DBCoreKeyRange['type'];
const ANY = 3 as DBCoreKeyRange['type'];

const hasBase = (row: unknown): row is StoredRecord =>
  typeof row === 'object' && row !== null && 'base' in row;

function withoutBase(row: StoredRecord): StoredRecord {
  const { base: _base, ...rest } = row;
  return rest;
}

/**
 * Dexie keeps its transaction in a zone that only its own promises carry to their callbacks (native
 * async functions lose it, and the caller's next request would then open a transaction of its own, or
 * a live query would lose track of what it read). So everything here chains Dexie promises.
 */
const DexiePromise = Dexie.Promise;

/** Dexie's zone API (on Dexie.Promise at run time, not in its typings). */
const zones = Dexie.Promise as unknown as { PSD: object; usePSD<T>(zone: object, fn: () => T): T };

/** Of `ids`, those a pending outbox entry touches (conflict resolutions' target records included). */
function pendingAmong(core: DBCore, trans: DBCoreTransaction, ids: string[]): Promise<Set<string>> {
  const outbox = core.table('outbox');
  const touched = outbox.schema.getIndexByKeyPath('touched');
  const resolving = outbox.schema.getIndexByKeyPath('args.conflictId');
  // A schema without the index (during an upgrade from before it): keep every base.
  if (!touched || !resolving) return DexiePromise.resolve(new Set(ids));
  const sorted = [...new Set(ids)].sort();
  return DexiePromise.all([
    touchedAmong(outbox, touched, trans, sorted),
    resolutionTargets(core, resolving, trans),
  ]).then(([found, targets]) => {
    for (const id of sorted) if (targets.has(id)) found.add(id);
    return found;
  });
}

/**
 * Walks the `touched` index from the lowest id to the highest, jumping from one wanted id to the next:
 * one step per id at most, and one request in all when nothing in the range is pending.
 */
function touchedAmong(
  outbox: DBCoreTable,
  index: DBCoreIndex,
  trans: DBCoreTransaction,
  sorted: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return DexiePromise.resolve(found);
  const range = { type: RANGE, lower: first, upper: last, lowerOpen: false, upperOpen: false };
  return outbox.openCursor({ trans, values: false, query: { index, range } }).then((cursor) => {
    if (!cursor) return found;
    let i = 0;
    return cursor
      .start(() => {
        const key = cursor.key as string;
        while (i < sorted.length && sorted[i]! < key) i += 1;
        if (sorted[i] === key) {
          found.add(key);
          i += 1;
        }
        const next = sorted[i];
        if (next === undefined) cursor.stop();
        else cursor.continue(next);
      })
      .then(() => found);
  });
}

/** The records pending conflict resolutions act on (read through their conflicts; there are few). */
function resolutionTargets(core: DBCore, index: DBCoreIndex, trans: DBCoreTransaction): Promise<Set<string>> {
  const range = { type: ANY, lower: undefined, upper: undefined, lowerOpen: false, upperOpen: false };
  return core
    .table('outbox')
    .query({ trans, values: true, query: { index, range } })
    .then(({ result }) => {
      const entries = result as OutboxRow[];
      if (entries.length === 0) return new Set<string>();
      const conflictIds = [...new Set(entries.flatMap((entry) => touchedIds(entry)))];
      return core
        .table('records')
        .getMany({ trans, keys: conflictIds })
        .then((conflicts: (StoredRecord | undefined)[]) => {
          const records = new Map<string, SyncRecord>();
          for (const row of conflicts) if (row) records.set(row.id, row);
          return new Set(entries.flatMap((entry) => touchedIds(entry, { records })));
        });
    });
}

/**
 * Whether the outbox can be read alongside: not in an upgrade (its index may not be filled yet), nor in
 * a read-write transaction without it. Every read-write transaction of the app that reads records holds
 * the outbox too; a bare write (a put, a delete) reads nothing.
 */
function checkable(trans: DBCoreTransaction): boolean {
  const { mode, objectStoreNames } = trans as Partial<IDBTransaction>;
  return mode !== 'versionchange' && objectStoreNames?.contains('outbox') !== false;
}

function checkedRows(core: DBCore) {
  return <T>(trans: DBCoreTransaction, rows: T[]): Promise<T[]> => {
    if (asStored.has(trans) || !checkable(trans)) return DexiePromise.resolve(rows);
    const ids = rows.flatMap((row) => (hasBase(row) ? [row.id] : []));
    if (ids.length === 0) return DexiePromise.resolve(rows);
    return pendingAmong(core, trans, ids).then((pending) =>
      rows.map((row) => (hasBase(row) && !pending.has(row.id) ? (withoutBase(row) as T) : row)),
    );
  };
}

/** A cursor over record rows whose values are checked one by one before the caller sees them. */
function checkedCursor(cursor: DBCoreCursor, check: (rows: unknown[]) => Promise<unknown[]>): DBCoreCursor {
  let current: { value: unknown } | null = null;
  // Native cursor getters refuse another receiver: each is forwarded explicitly.
  const wrapped: DBCoreCursor = Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: { get: () => (current ? current.value : cursor.value) },
    start: {
      value: (onNext: () => void) => {
        // Cursor steps are called back outside any zone: the check's requests run in the caller's.
        const zone = zones.PSD;
        return cursor.start(() => {
          current = null;
          const value: unknown = cursor.value;
          if (!hasBase(value)) return onNext();
          // The request keeps the transaction alive; the caller moves the cursor on once it answers.
          zones
            .usePSD(zone, () => check([value]))
            .then(
              ([checked]) => {
                current = { value: checked };
                try {
                  onNext();
                } catch (error) {
                  cursor.fail(error as Error);
                }
              },
              (error: Error) => cursor.fail(error),
            );
        });
      },
    },
    next: {
      value(this: DBCoreCursor) {
        let gotOne = 1;
        return this.start(() => (gotOne-- ? this.continue() : this.stop())).then(() => this);
      },
    },
  });
  return wrapped;
}

/** The records table as readers see it: `base` only on rows a pending entry touches. */
export function recordsWithSettledBase(core: DBCore, table: DBCoreTable): DBCoreTable {
  const check = checkedRows(core);
  return {
    ...table,
    get: (req) => table.get(req).then((row) => check(req.trans, [row]).then(([checked]) => checked)),
    getMany: (req) => table.getMany(req).then((rows) => check(req.trans, rows)),
    query: (req) =>
      req.values
        ? table
            .query(req)
            .then((answer) => check(req.trans, answer.result).then((result) => ({ ...answer, result })))
        : table.query(req),
    openCursor: (req: DBCoreOpenCursorRequest) =>
      req.values
        ? table
            .openCursor(req)
            .then((cursor) => cursor && checkedCursor(cursor, (rows) => check(req.trans, rows)))
        : table.openCursor(req),
  };
}

/**
 * Every read-only transaction on the records table also covers the outbox, which the check reads.
 * Read-write ones are left as they are asked for (see checkable).
 */
export function withOutboxInScope(core: DBCore): DBCore['transaction'] {
  return (stores, mode, options) =>
    core.transaction(
      mode === 'readonly' && stores.includes('records') && !stores.includes('outbox')
        ? [...stores, 'outbox']
        : stores,
      mode,
      options,
    );
}
