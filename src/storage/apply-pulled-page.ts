// Applying one page of pulled records: upsert, drop what left the user's scope, replay pending local
// edits over the records the page touched, finish a full resync, and store the cursor, all in one
// transaction so a crash can never keep a cursor without its records (or the other way round).
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import { touchedIds } from '../domain/sync/outbox-entry';
import type { SyncRecord } from '../domain/sync/sync-record';
import { toPublicRecord } from '../domain/sync/sync-record';
import type { HoldfastDatabase } from './database';
import type { ResyncState } from './meta';
import { getMeta, setMeta } from './meta';
import { replayPending } from './replay';
import { guardQuota } from './storage-errors';
import type { StoredRecord } from './sync-rows';
import { serverVersion, stampOf, stripLocal, toOutboxEntry } from './sync-rows';
import { entriesByTouchedId, loadTouched, touchedIdSet } from './touched-records';

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
  /**
   * Outbox entries read by earlier pages of the same pull, by key (pass one `new Map()` to every page of
   * a pull). An entry never changes once written (only its status does), so a page then reads only the
   * outbox keys and the entries it has not seen, not the whole outbox again.
   */
  seenEntries?: Map<string, OutboxEntry>;
  /** Ids of rows a push left with a settled `base` (settlePush's `lingering`): those this page stores go. */
  lingering?: Set<string>;
}

export interface AppliedPage {
  written: number;
  dropped: number;
}

/**
 * The resync state as stored by this module. `olderRows: false` records that the table was empty when
 * the resync started, so its end has nothing to drop and skips walking every row (an initial pull of
 * 100,000 records would otherwise read them all back). Absent (a state written before it existed): walk.
 */
interface ResyncProgress extends ResyncState {
  olderRows?: boolean;
}

/** Rows read at a time by the end-of-resync walk: memory stays flat however many records the device holds. */
const WALK_CHUNK = 2000;

export function applyPulledPage(
  db: HoldfastDatabase,
  page: PulledPage,
  options: ApplyPageOptions,
): Promise<AppliedPage> {
  let stored: StoredRecord[] = [];
  const applied = guardQuota(() =>
    db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
      const previous: ResyncProgress = (await getMeta(db, 'resync')) ?? { epoch: 0, active: false };
      // A server may flag every page of a resync with `reset`; only the first one starts it.
      const start = options.startResync || (page.reset === true && !previous.active);
      const resync: ResyncProgress = start
        ? { epoch: previous.epoch + 1, active: true, olderRows: (await db.records.count()) > 0 }
        : previous;
      const scope = new Set(page.scope.departments);
      const pulled = new Map<string, StoredRecord>();
      for (const record of page.records) {
        if (scope.has(record.dept)) pulled.set(record.id, { ...toPublicRecord(record), epoch: resync.epoch });
      }

      const pending = await readPending(db, options.seenEntries ?? new Map());
      const rows = await replayOver(db, pulled, pending, resync.epoch);
      await db.records.bulkPut(rows);
      stored = rows;

      const outOfScope = await outOfScopeKeys(db, [...scope]);
      await db.records.bulkDelete(outOfScope);
      let dropped = outOfScope.length;

      let state: ResyncState = resync;
      if (resync.active && !page.hasMore) {
        if (resync.olderRows !== false) dropped += await dropUnsent(db, resync.epoch, pending);
        state = { epoch: resync.epoch, active: false };
      }
      await setMeta(db, 'resync', state);
      // Last, by design: the cursor only ever names a page whose records are stored.
      await setMeta(db, 'syncCursor', { userId: options.userId, cursor: page.cursor });
      return { written: rows.length, dropped };
    }),
  );
  // Once committed: a page that fails stores nothing, and its rows stay for dropSettledBases.
  return applied.then((result) => {
    for (const row of stored) options.lingering?.delete(row.id);
    return result;
  });
}

/** Every pending outbox entry, in key order: the keys are read, and only unseen entries are loaded. */
async function readPending(db: HoldfastDatabase, seen: Map<string, OutboxEntry>): Promise<OutboxEntry[]> {
  const keys = await db.outbox.toCollection().primaryKeys();
  const name = ([clientId, seq]: [string, number]) => `${clientId} ${seq}`;
  const unseen = keys.filter((key) => !seen.has(name(key)));
  if (unseen.length > 0) {
    const rows = await db.outbox.bulkGet(unseen);
    for (const row of rows) if (row) seen.set(name([row.clientId, row.seq]), toOutboxEntry(row));
  }
  const current = new Set(keys.map(name));
  for (const key of seen.keys()) if (!current.has(key)) seen.delete(key);
  return keys.flatMap((key) => seen.get(name(key)) ?? []);
}

/**
 * The rows to store for a page: the pulled records, with the pending entries that touch any of them
 * replayed on top (and any other record such an entry changes). Only those entries and their records
 * are read and replayed, so a page costs the same however long the outbox is.
 */
async function replayOver(
  db: HoldfastDatabase,
  pulled: ReadonlyMap<string, StoredRecord>,
  pending: readonly OutboxEntry[],
  epoch: number,
): Promise<StoredRecord[]> {
  // Without a state, touchedIds gives every id but a conflict's record, which needs its conflict read.
  const candidates = pending.filter(
    (entry) => entry.name === 'conflict.resolve' || touchedIds(entry).some((id) => pulled.has(id)),
  );
  if (candidates.length === 0) return [...pulled.values()];
  const local = await loadTouched(db, candidates, pulled);
  const known = new Map([...local, ...pulled]);
  const relevant = new Set(
    candidates.filter((entry) => [...touchedIdSet([entry], known)].some((id) => pulled.has(id))),
  );
  // The replay starts from the server's version of every record (a record only this device has is not
  // there yet), so what the device derived from a pulled record is derived again: an activity log entry
  // written offline takes its place after the entries another device sent first. Starting there, every
  // pending entry on those records must be replayed, not only those that touch the page.
  for (;;) {
    const ids = touchedIdSet([...relevant], known);
    const more = pending.filter(
      (entry) => !relevant.has(entry) && touchedIds(entry).some((id) => ids.has(id)),
    );
    if (more.length === 0) break;
    for (const [id, row] of await loadTouched(db, more, known)) {
      known.set(id, row);
      local.set(id, row);
    }
    for (const entry of more) relevant.add(entry);
  }
  const serverView = new Map<string, SyncRecord>();
  for (const [id, row] of known) {
    const server = pulled.has(id) ? stripLocal(row) : serverVersion(row);
    if (server) serverView.set(id, server);
  }
  const { changed } = replayPending({ records: serverView }, [...relevant]);

  const touching = entriesByTouchedId(relevant, known);
  const rows: StoredRecord[] = [...pulled.values()].map((row) => {
    const mine = changed.get(row.id);
    if (!mine) return row;
    const stamp = stampOf(touching.get(row.id) ?? []);
    return { ...mine, base: stripLocal(row), ...(stamp ? { stamp } : {}), epoch };
  });
  for (const [id, record] of changed) {
    const before = local.get(id);
    if (pulled.has(id) || !before) continue;
    const row: StoredRecord = { ...before, ...record };
    // Its local changes now include what the replay wrote on it: the stamp covers those entries too.
    const stamp = before.stamp && stampOf([...(touching.get(id) ?? []), entryAt(before.stamp)]);
    if (stamp) row.stamp = stamp;
    else delete row.stamp;
    rows.push(row);
  }
  return rows;
}

const entryAt = ([clientId, seq]: [string, number]) => ({ clientId, seq });

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
  pending: readonly OutboxEntry[],
): Promise<number> {
  const keep = touchedIdSet(pending, await loadTouched(db, pending));
  // Read in key order a chunk at a time (one getAll each, not a cursor step per row), so a device
  // holding 100,000 records never has them all in memory at once.
  let dropped = 0;
  let after: string | null = null;
  for (;;) {
    const chunk: StoredRecord[] = await (
      after === null ? db.records.limit(WALK_CHUNK) : db.records.where(':id').above(after).limit(WALK_CHUNK)
    ).toArray();
    const stale = chunk.filter((row) => row.epoch !== epoch && !keep.has(row.id)).map((row) => row.id);
    if (stale.length > 0) await db.records.bulkDelete(stale);
    dropped += stale.length;
    const last = chunk.at(-1);
    if (chunk.length < WALK_CHUNK || last === undefined) return dropped;
    after = last.id;
  }
}

/** The stored cursor, if it belongs to this user; another user's cursor means "pull from the start". */
export async function readCursor(db: HoldfastDatabase, userId: string): Promise<string | null> {
  const stored = await getMeta(db, 'syncCursor');
  return stored && stored.userId === userId ? stored.cursor : null;
}
