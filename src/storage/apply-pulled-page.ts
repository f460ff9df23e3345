// Applying one page of pulled records: upsert, drop what left the user's scope, replay pending local
// edits over the records the page touched, finish a full resync, and store the cursor, all in one
// transaction so a crash can never keep a cursor without its records (or the other way round).
import type { SyncRecord } from '../domain/sync/sync-record';
import { toPublicRecord } from '../domain/sync/sync-record';
import type { HoldfastDatabase } from './database';
import { getMeta, setMeta } from './meta';
import { replayPending } from './replay';
import { guardQuota } from './storage-errors';
import type { StoredRecord } from './sync-rows';
import { stripLocal, toOutboxEntry } from './sync-rows';
import { loadTouched, touchedIdSet } from './touched-records';

/** The parts of a pull response (src/protocol/sync.ts PullResponse) this layer needs. */
export interface PulledPage {
  records: SyncRecord[];
  cursor: string;
  hasMore: boolean;
  /** The server started a full resync (its cursor was too old, or the user's access changed). */
  reset?: boolean;
  scope: { departments: string[] };
}

export interface ApplyPageOptions {
  /** The signed-in user: the cursor is stored for them (another user's view needs its own pull). */
  userId: string;
  /** The pull started without a cursor: like a reset, it ends by dropping what it did not deliver. */
  startResync: boolean;
}

export interface AppliedPage {
  written: number;
  dropped: number;
}

export function applyPulledPage(
  db: HoldfastDatabase,
  page: PulledPage,
  options: ApplyPageOptions,
): Promise<AppliedPage> {
  return guardQuota(() =>
    db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
      const previous = (await getMeta(db, 'resync')) ?? { epoch: 0, active: false };
      // A server may flag every page of a resync with `reset`; only the first one starts it.
      const start = options.startResync || (page.reset === true && !previous.active);
      const resync = start ? { epoch: previous.epoch + 1, active: true } : previous;
      const scope = new Set(page.scope.departments);
      const pulled = new Map<string, StoredRecord>();
      for (const record of page.records) {
        if (scope.has(record.dept)) pulled.set(record.id, { ...toPublicRecord(record), epoch: resync.epoch });
      }

      const pending = (await db.outbox.toArray()).map(toOutboxEntry);
      const local = await loadTouched(db, pending, pulled);
      const relevant = pending.filter((entry) =>
        [...touchedIdSet([entry], new Map([...local, ...pulled]))].some((id) => pulled.has(id)),
      );
      const serverView = new Map<string, SyncRecord>();
      for (const [id, row] of local) serverView.set(id, stripLocal(row));
      for (const [id, row] of pulled) serverView.set(id, stripLocal(row));
      const { changed } = replayPending({ records: serverView }, relevant);

      const rows: StoredRecord[] = [...pulled.values()].map((row) => {
        const mine = changed.get(row.id);
        return mine ? { ...mine, base: stripLocal(row), epoch: resync.epoch } : row;
      });
      for (const [id, record] of changed) {
        const before = local.get(id);
        if (!pulled.has(id) && before) rows.push({ ...before, ...record });
      }
      await db.records.bulkPut(rows);

      const outOfScope = await outOfScopeKeys(db, [...scope]);
      await db.records.bulkDelete(outOfScope);
      let dropped = outOfScope.length;

      if (resync.active && !page.hasMore) {
        dropped += await dropUnsent(db, resync.epoch, pending);
        resync.active = false;
      }
      await setMeta(db, 'resync', resync);
      // Last, by design: the cursor only ever names a page whose records are stored.
      await setMeta(db, 'syncCursor', { userId: options.userId, cursor: page.cursor });
      return { written: rows.length, dropped };
    }),
  );
}

/**
 * Records of departments outside the scope. Read as the index ranges between the scope's codes, so the
 * cost follows what is out of scope (usually nothing) rather than every record in it, as noneOf() would.
 */
async function outOfScopeKeys(db: HoldfastDatabase, scope: string[]): Promise<string[]> {
  const codes = [...new Set(scope)].sort();
  const first = codes[0];
  const last = codes.at(-1);
  if (first === undefined || last === undefined) return db.records.toCollection().primaryKeys();
  const ranges = [db.records.where('dept').below(first), db.records.where('dept').above(last)];
  for (let i = 0; i + 1 < codes.length; i += 1) {
    ranges.push(db.records.where('dept').between(codes[i], codes[i + 1], false, false));
  }
  return (await Promise.all(ranges.map((range) => range.primaryKeys()))).flat();
}

/** End of a full resync: rows the resync did not deliver are gone from the server (or from view). */
async function dropUnsent(
  db: HoldfastDatabase,
  epoch: number,
  pending: Parameters<typeof touchedIdSet>[0],
): Promise<number> {
  // Walks the table with a cursor rather than loading it whole: a resync may deliver 100,000 records.
  const keep = touchedIdSet(pending, await loadTouched(db, pending));
  const stale = await db.records.filter((row) => row.epoch !== epoch && !keep.has(row.id)).primaryKeys();
  await db.records.bulkDelete(stale);
  return stale.length;
}

/** The stored cursor, if it belongs to this user; another user's cursor means "pull from the start". */
export async function readCursor(db: HoldfastDatabase, userId: string): Promise<string | null> {
  const stored = await getMeta(db, 'syncCursor');
  return stored && stored.userId === userId ? stored.cursor : null;
}
