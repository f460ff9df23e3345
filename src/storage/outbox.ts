// The outbox between pushes: reading batches, and settling the server's answer (delete what it has,
// move refusals to "Needs attention" and undo their effect on this device) in one transaction.
import type { Rejection } from '../domain/sync/mutation-types';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import type { SyncRecord } from '../domain/sync/sync-record';
import type { HoldfastDatabase } from './database';
import { replayPending } from './replay';
import { guardQuota } from './storage-errors';
import type { RejectionRow, StoredRecord } from './sync-rows';
import { serverVersion, toOutboxEntry } from './sync-rows';
import { loadTouched, touchedIdSet } from './touched-records';

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

/** Remembers that these entries went out, so a lost answer is visible as "sent, not confirmed". */
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
): Promise<{ deleted: number; rejected: number }> {
  return guardQuota(() =>
    db.transaction('rw', [db.outbox, db.rejections, db.records], async () => {
      const [lower, upper] = range(clientId, 0, settlement.lastSeq);
      const done = await db.outbox.where('[clientId+seq]').between(lower, upper, true, true).toArray();
      const reasons = new Map(settlement.rejected.map((r) => [r.seq, r.reason]));
      const refused: RejectionRow[] = [];
      for (const row of done) {
        const reason = reasons.get(row.seq);
        if (!reason) continue;
        const entry = toOutboxEntry(row);
        refused.push({
          clientId,
          seq: row.seq,
          userId: row.userId,
          entry,
          reason,
          rejectedAt: settlement.now,
        });
      }
      await db.rejections.bulkPut(refused);
      await db.outbox.bulkDelete(done.map((row) => [row.clientId, row.seq] as [string, number]));
      const applied = done.filter((row) => !reasons.has(row.seq)).map(toOutboxEntry);
      await recompute(db, done.map(toOutboxEntry), applied, settlement.outcomes ?? []);
      return { deleted: done.length, rejected: refused.length };
    }),
  );
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

async function recompute(
  db: HoldfastDatabase,
  done: OutboxEntry[],
  applied: OutboxEntry[],
  outcomes: NonNullable<PushSettlement['outcomes']>,
): Promise<void> {
  if (done.length === 0) return;
  const rows = await loadTouched(db, done);
  const ids = touchedIdSet(done, rows);
  const remaining = (await db.outbox.toArray()).map(toOutboxEntry);
  const others = await loadTouched(db, remaining, rows);
  const known = new Map([...others, ...rows]);
  const stillPending = remaining.filter((entry) =>
    [...touchedIdSet([entry], known)].some((id) => ids.has(id)),
  );
  const server = new Map<string, SyncRecord>();
  for (const [id, row] of known) {
    const version = serverVersion(row);
    if (version) server.set(id, version);
  }
  // The server now has the applied entries; revs stay as last pulled until the pull brings the new ones.
  const bySeq = new Map(outcomes.map((o) => [o.seq, o]));
  const confirmed = replayPending(
    { records: server },
    applied.filter((entry) => replayable(entry, bySeq.get(entry.seq), known)),
  ).state;
  const { state } = replayPending(confirmed, stillPending);
  const stillTouched = touchedIdSet(stillPending, known);
  for (const id of ids) {
    const before = rows.get(id);
    const now = state.records.get(id);
    if (!before) continue;
    if (!now) {
      await db.records.delete(id);
      continue;
    }
    const row: StoredRecord = stillTouched.has(id)
      ? { ...now, base: confirmed.records.get(id) ?? null }
      : { ...now };
    if (before.epoch !== undefined) row.epoch = before.epoch;
    await db.records.put(row);
  }
}
