// Loading the rows a set of outbox entries reads or writes, including a conflict's target record, and
// finding the pending entries that touch given records through the outbox's indexes.
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import { touchedIds } from '../domain/sync/outbox-entry';
import type { HoldfastDatabase } from './database';
import { getMeta } from './meta';
import type { StoredRecord } from './sync-rows';
import { settledView, toOutboxEntry } from './sync-rows';

type EntryLike = Pick<OutboxEntry, 'name' | 'args'>;

/**
 * The stored rows the entries touch, by id, as settledView shows them (a row whose changes are all
 * confirmed has no `base`). conflict.resolve names only the conflict; its record id is inside the
 * conflict, so that is read first (from `extra`, e.g. freshly pulled rows, or the table). The caller's
 * transaction must include `meta`.
 */
export async function loadTouched(
  db: HoldfastDatabase,
  entries: readonly EntryLike[],
  extra: ReadonlyMap<string, StoredRecord> = new Map(),
): Promise<Map<string, StoredRecord>> {
  const rows = new Map<string, StoredRecord>();
  const fetch = async (ids: Iterable<string>) => {
    const wanted = [...new Set(ids)].filter((id) => !rows.has(id) && !extra.has(id));
    // No request at all when everything is known: the write path calls this once per user action.
    if (wanted.length === 0) return;
    const [read, settled] = await Promise.all([readRows(db, wanted), getMeta(db, 'settledSeqs')]);
    for (const row of read) rows.set(row.id, settled ? settledView(row, settled) : row);
  };
  await fetch(entries.flatMap((entry) => touchedIds(entry)));
  // Only conflict.resolve names a record it does not hold in its args; skip the second read otherwise.
  if (!entries.some((entry) => entry.name === 'conflict.resolve')) return rows;
  const all = () => ({ records: new Map([...rows, ...extra]) });
  await fetch(entries.flatMap((entry) => touchedIds(entry, all())));
  return rows;
}

/** Below this many ids, reading one by one costs too little to be worth counting the range first. */
const RANGE_READ_MIN = 16;

/**
 * The stored rows of these ids (missing ones left out). IndexedDB answers each get as its own request,
 * and with hundreds of ids the requests are most of the cost; ids made on one device (UUIDv7) in a row
 * sit next to each other, so when the ids fill at least half of their key range, one read of the range
 * replaces them all. Otherwise it is one get per id.
 */
async function readRows(db: HoldfastDatabase, ids: string[]): Promise<StoredRecord[]> {
  const sorted = ids.length < RANGE_READ_MIN ? [] : [...ids].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first !== undefined && last !== undefined) {
    const span = db.records.where(':id').between(first, last, true, true);
    if ((await span.count()) <= 2 * ids.length) {
      const wanted = new Set(ids);
      return (await span.toArray()).filter((row) => wanted.has(row.id));
    }
  }
  return (await db.records.bulkGet(ids)).filter((row): row is StoredRecord => row !== undefined);
}

/** For each record id, the entries that touch it (touchedIdSet of each entry), in the entries' order. */
export function entriesByTouchedId<E extends OutboxEntry>(
  entries: Iterable<E>,
  rows: ReadonlyMap<string, StoredRecord>,
): Map<string, E[]> {
  const byId = new Map<string, E[]>();
  for (const entry of entries)
    for (const id of touchedIdSet([entry], rows)) {
      const list = byId.get(id);
      if (list) list.push(entry);
      else byId.set(id, [entry]);
    }
  return byId;
}

/** Every id the entries touch, conflict targets included, given rows that hold the conflicts. */
export function touchedIdSet(
  entries: readonly EntryLike[],
  rows: ReadonlyMap<string, StoredRecord>,
): Set<string> {
  const state = { records: rows };
  return new Set(entries.flatMap((entry) => touchedIds(entry, state)));
}

/**
 * The pending outbox entries (of every client on the device) that touch any of `ids`, in no particular
 * order, and the rows needed to tell (conflicts they resolve and those conflicts' records, beyond
 * `known`). Index reads, so the cost follows the entries that match, not the length of the outbox:
 * `touched` names the records of every mutation (an entry's parent included) but a conflict.resolve's
 * target, and `args.conflictId` lists the conflict resolutions (few), whose target record is read from
 * their conflict. `inHand` are entries the caller already holds (a push's batch): found again, they are
 * not read from the table.
 */
export async function pendingTouching(
  db: HoldfastDatabase,
  ids: ReadonlySet<string>,
  known: ReadonlyMap<string, StoredRecord> = new Map(),
  inHand: readonly OutboxEntry[] = [],
): Promise<{ entries: OutboxEntry[]; rows: Map<string, StoredRecord> }> {
  if (ids.size === 0) return { entries: [], rows: new Map() };
  const [byId, resolutions] = await Promise.all([
    entriesTouching(db, ids, inHand),
    db.outbox.orderBy('args.conflictId').toArray(),
  ]);
  const rows = await loadTouched(db, resolutions, known);
  const all = new Map([...known, ...rows]);
  const matching = new Map<string, OutboxEntry>();
  for (const entry of byId) matching.set(keyOf(entry), entry);
  for (const row of resolutions) {
    if ([...touchedIdSet([row], all)].some((id) => ids.has(id))) matching.set(keyOf(row), toOutboxEntry(row));
  }
  return { entries: [...matching.values()], rows };
}

const keyOf = (entry: Pick<OutboxEntry, 'clientId' | 'seq'>): string => `${entry.clientId} ${entry.seq}`;

/**
 * The entries whose `touched` names any of `ids`. An anyOf() over the index walks a cursor one id at a
 * time, a request per id. Ids made on one device in a row (UUIDv7) sit next to each other, so when
 * there are many, the primary keys of the whole range between the lowest and highest id are read in one
 * request instead (bounded: a range holding far more than the ids falls back to anyOf); only entries not
 * in hand are then read, and every entry is checked against the ids themselves.
 */
async function entriesTouching(
  db: HoldfastDatabase,
  ids: ReadonlySet<string>,
  inHand: readonly OutboxEntry[],
): Promise<OutboxEntry[]> {
  const sorted = ids.size < RANGE_READ_MIN ? [] : [...ids].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first !== undefined && last !== undefined) {
    const bound = 4 * ids.size;
    const keys = await db.outbox
      .where('touched')
      .between(first, last, true, true)
      .limit(bound + 1)
      .primaryKeys();
    if (keys.length <= bound) {
      const held = new Map(inHand.map((entry) => [keyOf(entry), entry]));
      const found = new Map<string, OutboxEntry>();
      const missing: [string, number][] = [];
      for (const [clientId, seq] of keys) {
        const key = keyOf({ clientId, seq });
        if (found.has(key)) continue;
        const entry = held.get(key);
        if (entry) found.set(key, entry);
        else missing.push([clientId, seq]);
      }
      const read = missing.length === 0 ? [] : await db.outbox.bulkGet(missing);
      for (const row of read) if (row) found.set(keyOf(row), toOutboxEntry(row));
      // The range may hold entries on ids between those asked for: keep only the ones that touch them.
      return [...found.values()].filter((entry) => touchedIds(entry).some((id) => ids.has(id)));
    }
  }
  const rows = await db.outbox
    .where('touched')
    .anyOf([...ids])
    .distinct()
    .toArray();
  return rows.map(toOutboxEntry);
}
