// The outbox between pushes: reading batches, and settling the server's answer (delete what it has,
// move refusals to "Needs attention" and undo their effect on this device) in one transaction.
import type { Rejection } from '../domain/sync/mutation-types';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import { touchedIds } from '../domain/sync/outbox-entry';
import type { SyncRecord } from '../domain/sync/sync-record';
import { v7 as uuidv7 } from 'uuid';
import type { HoldfastDatabase } from './database';
import { getMeta, setMeta } from './meta';
import { replayPending } from './replay';
import { guardQuota } from './storage-errors';
import type { Collection } from 'dexie';
import type { OutboxRow, RejectionRow, StoredRecord } from './sync-rows';
import { isSettled, serverVersion, settledView, stampOf, toOutboxEntry } from './sync-rows';
import { entriesByTouchedId, loadTouched, pendingTouching, touchedIdSet } from './touched-records';
import { currentClientId } from './write-mutation';

const range = (clientId: string, from: number, to: number) =>
  [
    [clientId, from],
    [clientId, to],
  ] as const;

/** Pending entries of one client in seq order, from `fromSeq`. */
export async function pendingEntries(
  db: HoldfastDatabase,
  clientId: string,
  limit: number,
  fromSeq = 0,
): Promise<OutboxEntry[]> {
  const [lower, upper] = range(clientId, fromSeq, Infinity);
  const rows = await db.outbox
    .where('[clientId+seq]')
    .between(lower, upper, true, true)
    .limit(limit)
    .toArray();
  return rows.map(toOutboxEntry);
}

/** Every pending entry a user wrote on this device (any client id), oldest first. */
export async function unsentEntriesOf(db: HoldfastDatabase, userId: string): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('userId').equals(userId).toArray();
  return rows.sort((a, b) => a.seq - b.seq).map(toOutboxEntry);
}

/**
 * Remembers that these entries went out without an answer (a lost response, a timeout), so they show
 * as "sent, not confirmed". Push calls it only when an answer is missing: marking every batch before
 * sending it would rewrite every outbox row once more, one request per row.
 */
export async function markSent(
  db: HoldfastDatabase,
  clientId: string,
  seqs: readonly number[],
): Promise<void> {
  await db.outbox
    .where('[clientId+seq]')
    .anyOf(seqs.map((seq) => [clientId, seq]))
    .modify({ status: 'sent' });
}

export interface PushSettlement {
  /** The server processed every seq up to this one: those entries leave the outbox. */
  lastSeq: number;
  /** Refusals among them, by seq. */
  rejected: { seq: number; reason: Pick<Rejection, 'code' | 'message'> & { field?: string } }[];
  /** Device time, stamped on the rejections. */
  now: string;
  /**
   * What the server said of each entry: whether it conflicted and the highest rev it wrote. Without it
   * every acknowledged entry is taken as applied on top of the version this device last pulled.
   */
  outcomes?: { seq: number; conflicted: boolean; rev?: number }[];
  /**
   * The entries as they were read for this push. Outbox rows never change once written (but for their
   * status), so these spare reading them again; any settled entry not among them is read.
   */
  sent?: readonly OutboxEntry[];
  /**
   * Leave the rows these entries confirmed as they are, rather than rewriting each only to drop its
   * `base`: the settled seq stored with this settlement makes settledView drop it on every read that
   * reasons about changes, and the pull that follows a push rewrites those rows anyway. The ids come
   * back as `lingering`; dropSettledBases rewrites the ones no pull did (the sync engine calls it after
   * its pull), so lists stop marking them as unsent.
   */
  keepSettledBases?: boolean;
}

export interface PushSettled {
  deleted: number;
  rejected: number;
  /** With keepSettledBases: rows left with a `base` that their stamp now marks as settled. */
  lingering: string[];
}

/**
 * Applies a push answer. Entries up to lastSeq are deleted only now that the server has them; refused
 * ones move to the rejections table. The records they touched are recomputed: the server's version
 * (as far as the device knows it) advances by the applied entries, the refused ones are left out, and
 * entries still pending are replayed on top, so a refused change no longer shows as if it had applied.
 */
export function settlePush(
  db: HoldfastDatabase,
  clientId: string,
  settlement: PushSettlement,
): Promise<PushSettled> {
  return guardQuota(() =>
    db.transaction('rw', [db.outbox, db.rejections, db.records, db.meta], async () => {
      const [lower, upper] = range(clientId, 0, settlement.lastSeq);
      const settled = db.outbox.where('[clientId+seq]').between(lower, upper, true, true);
      const done = await settledEntries(db, clientId, settled, settlement.sent ?? []);
      const reasons = new Map(settlement.rejected.map((r) => [r.seq, r.reason]));
      const refused: RejectionRow[] = [];
      for (const entry of done) {
        const reason = reasons.get(entry.seq);
        if (!reason) continue;
        refused.push({
          clientId,
          seq: entry.seq,
          userId: entry.userId,
          entry,
          reason,
          rejectedAt: settlement.now,
        });
      }
      const applied = done.filter((entry) => !reasons.has(entry.seq));
      // One round of requests: recompute leaves the settled entries out of what it finds still pending.
      // The entries go as one key range (a single request), not one delete each.
      // Never past the last entry settled here: a server may answer a batch of duplicates with a lastSeq
      // beyond any seq this device has written (a device restored from an older copy), and the seqs it
      // writes next must not read as confirmed. Every stamp at or below that entry is settled by now.
      const settledTo = Math.min(settlement.lastSeq, done.at(-1)?.seq ?? 0);
      const [, , lingering, seqs] = await Promise.all([
        db.rejections.bulkPut(refused),
        settled.delete(),
        recompute(db, done, applied, settlement.outcomes ?? [], {
          clientId,
          settledTo,
          keep: settlement.keepSettledBases === true,
        }),
        getMeta(db, 'settledSeqs'),
      ]);
      // Written after recompute read the rows: it saw them as they were before this settlement.
      if ((seqs?.[clientId] ?? 0) < settledTo)
        await setMeta(db, 'settledSeqs', { ...seqs, [clientId]: settledTo });
      return { deleted: done.length, rejected: refused.length, lingering };
    }),
  );
}

/** The entries in the settled key range, in seq order: those already in hand, and the others read. */
async function settledEntries(
  db: HoldfastDatabase,
  clientId: string,
  settled: Collection<OutboxRow, [string, number]>,
  sent: readonly OutboxEntry[],
): Promise<OutboxEntry[]> {
  const inHand = new Map(sent.filter((e) => e.clientId === clientId).map((e) => [e.seq, e]));
  const keys = await settled.primaryKeys();
  const missing = keys.filter(([, seq]) => !inHand.has(seq));
  const read = missing.length === 0 ? [] : await db.outbox.bulkGet(missing);
  for (const row of read) if (row) inHand.set(row.seq, toOutboxEntry(row));
  return keys.flatMap(([, seq]) => inHand.get(seq) ?? []);
}

/**
 * Whether replaying an acknowledged entry over the server version this device knows reproduces the
 * server. Not when the entry conflicted (the server kept its own values for those fields), nor when the
 * known version is already at or past the rev the entry wrote (it already contains the entry: the answer
 * was lost and a pull came first). In those cases the known version stands until a pull brings a newer one.
 */
function replayable(
  entry: OutboxEntry,
  outcome: { conflicted: boolean; rev?: number } | undefined,
  known: Map<string, StoredRecord>,
): boolean {
  if (!outcome) return true;
  if (outcome.conflicted) return false;
  const rev = outcome.rev;
  if (rev === undefined) return true;
  for (const id of touchedIdSet([entry], known)) {
    const row = known.get(id);
    const version = row ? serverVersion(row) : null;
    if (version?.rev !== undefined && version.rev >= rev) return false;
  }
  return true;
}

/**
 * Brings the records the settled entries touched to what the device should now show. A record whose
 * settled entries all applied as the device showed them, and which no other pending entry touches,
 * already shows the server's version: it only drops its `base`. The others (a refusal or a conflict
 * among its entries, or more pending entries on it) are recomputed: the server version advances by the
 * replayable applied entries, and the pending ones are replayed on top. Reads go through indexes, so
 * settling a batch costs the same however long the outbox still is.
 */
async function recompute(
  db: HoldfastDatabase,
  done: OutboxEntry[],
  applied: OutboxEntry[],
  outcomes: NonNullable<PushSettlement['outcomes']>,
  settling: { clientId: string; settledTo: number; keep: boolean },
): Promise<string[]> {
  if (done.length === 0) return [];
  const rows = await loadTouched(db, done);
  const ids = touchedIdSet(done, rows);
  const pending = await pendingTouching(db, ids, rows, done);
  const settled = new Set(done.map((entry) => `${entry.clientId} ${entry.seq}`));
  const stillPending = pending.entries.filter((entry) => !settled.has(`${entry.clientId} ${entry.seq}`));
  const others = await loadTouched(db, stillPending, new Map([...rows, ...pending.rows]));
  const known = new Map([...others, ...pending.rows, ...rows]);
  const stillTouched = touchedIdSet(stillPending, known);

  // The server now has the applied entries; revs stay as last pulled until the pull brings the new ones.
  const bySeq = new Map(outcomes.map((o) => [o.seq, o]));
  const replayed = applied.filter((entry) => replayable(entry, bySeq.get(entry.seq), known));
  const replayedSeqs = new Set(replayed.map((entry) => entry.seq));
  const differs = touchedIdSet(
    done.filter((entry) => !replayedSeqs.has(entry.seq)),
    known,
  );
  // A row without `base` shows no local change of its own (a pull came in between): replay to be sure.
  const recomputed = new Set(
    [...ids].filter((id) => differs.has(id) || stillTouched.has(id) || !('base' in (rows.get(id) ?? {}))),
  );

  const puts: StoredRecord[] = [];
  const deletes: string[] = [];
  const lingering: string[] = [];
  for (const id of ids) {
    const before = rows.get(id);
    if (!before || recomputed.has(id)) continue;
    if (settling.keep && isSettled(before, { [settling.clientId]: settling.settledTo })) {
      lingering.push(id);
      continue;
    }
    const { base: _base, stamp: _stamp, ...row } = before;
    puts.push(row);
  }

  if (recomputed.size > 0) {
    const replayedHere = replayed.filter((entry) =>
      [...touchedIdSet([entry], known)].some((id) => recomputed.has(id)),
    );
    const involved = touchedIdSet([...replayedHere, ...stillPending], known);
    for (const id of recomputed) involved.add(id);
    const server = new Map<string, SyncRecord>();
    for (const id of involved) {
      const row = known.get(id);
      const version = row ? serverVersion(row) : null;
      if (version) server.set(id, version);
    }
    const confirmed = replayPending({ records: server }, replayedHere).state;
    const { state } = replayPending(confirmed, stillPending);
    const touching = entriesByTouchedId(stillPending, known);
    for (const id of recomputed) {
      const before = rows.get(id);
      const now = state.records.get(id);
      if (!before) continue;
      if (!now) {
        deletes.push(id);
        continue;
      }
      const row: StoredRecord = stillTouched.has(id)
        ? { ...now, base: confirmed.records.get(id) ?? null }
        : { ...now };
      const stamp = stillTouched.has(id) ? stampOf(touching.get(id) ?? []) : undefined;
      if (stamp) row.stamp = stamp;
      if (before.epoch !== undefined) row.epoch = before.epoch;
      puts.push(row);
    }
  }
  await Promise.all([db.records.bulkPut(puts), db.records.bulkDelete(deletes)]);
  return lingering;
}

/**
 * Rewrites these rows without `base` and `stamp` where their stamp marks them settled (see
 * PushSettlement.keepSettledBases), a chunk at a time. Rows a pull or a later change rewrote since are
 * left alone.
 */
export async function dropSettledBases(db: HoldfastDatabase, ids: readonly string[]): Promise<number> {
  let dropped = 0;
  for (let at = 0; at < ids.length; at += SETTLED_CHUNK) {
    const chunk = ids.slice(at, at + SETTLED_CHUNK);
    dropped += await db.transaction('rw', [db.records, db.meta], async () => {
      const [rows, settled] = await Promise.all([db.records.bulkGet(chunk), getMeta(db, 'settledSeqs')]);
      const puts = rows.flatMap((row) =>
        row && settled && isSettled(row, settled) ? [settledView(row, settled)] : [],
      );
      await db.records.bulkPut(puts);
      return puts.length;
    });
  }
  return dropped;
}

const SETTLED_CHUNK = 1_000;

/**
 * After the server answered `seqReused` (it already holds other changes under these seqs: this device was
 * restored from an older copy, say), moves this client's entries from `fromSeq` on to a new client id,
 * numbered 1, 2, … in the same order, and hands the user's next changes that id too. One transaction, so
 * a tab writing meanwhile lands either before (and is moved) or after (and uses the new id). Returns the
 * new client id; if the user's client id already moved on (another tab renumbered), returns that one.
 */
export function renumberOutbox(
  db: HoldfastDatabase,
  userId: string,
  clientId: string,
  fromSeq: number,
): Promise<string> {
  return guardQuota(() =>
    db.transaction('rw', [db.outbox, db.meta, db.records], async () => {
      const [clients, sentinel] = await Promise.all([getMeta(db, 'syncClients'), getMeta(db, 'sentinel')]);
      if (!sentinel) throw new Error('The database has no sentinel; it was not opened with openDatabase.');
      const current = currentClientId(clients, sentinel.deviceId, userId);
      if (current !== clientId) return current;
      const [lower, upper] = range(clientId, fromSeq, Infinity);
      const moving = db.outbox.where('[clientId+seq]').between(lower, upper, true, true);
      const rows = await moving.toArray();
      const renamed = uuidv7();
      const moved: OutboxRow[] = rows.map((row, i) => ({
        ...toOutboxEntry(row),
        clientId: renamed,
        seq: i + 1,
        status: 'pending',
      }));
      // Rows stamped by a moved entry take its new name, or they would never show as settled.
      const newSeq = new Map(rows.map((row, i) => [row.seq, i + 1]));
      const ids = [...new Set(rows.flatMap((row) => row.touched ?? touchedIds(row)))];
      const restamped = (await db.records.bulkGet(ids)).flatMap((row) => {
        const seq = row?.stamp?.[0] === clientId ? newSeq.get(row.stamp[1]) : undefined;
        return row && seq !== undefined ? [{ ...row, stamp: [renamed, seq] as [string, number] }] : [];
      });
      await Promise.all([
        db.records.bulkPut(restamped),
        moving.delete(),
        db.outbox.bulkAdd(moved),
        setMeta(db, 'syncClients', {
          ...clients,
          [userId]: { clientId: renamed, nextSeq: moved.length + 1 },
        }),
      ]);
      return renamed;
    }),
  );
}
