// Verifying an activity log's hash chain on the server, for records officers: the log's entries as stored,
// in seq order, rehashed with node:crypto through the same verifyChain the devices run with WebCrypto,
// then the log's own chain state (entryCount, headHash) compared with the last entry, so that removing the
// last entries (which leaves a shorter chain that verifies by itself) is detected too. See docs/incidents.md.
import crypto from 'node:crypto';
import type { ChainProblem, ChainReport, Digest } from '../../src/domain/incidents/chain';
import { GENESIS_HASH, verifyChain } from '../../src/domain/incidents/chain';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import type { StorageStores } from '../storage/storage';

/** SHA-256 of a UTF-8 text as lowercase hex, with node:crypto. */
export const nodeDigest: Digest = (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * What can be wrong with a stored log: a chain problem of an entry, an entry marked deleted (no API can do
 * that), or the log's head not matching its last entry (entries removed after it, or the head altered).
 */
export type LogProblem = ChainProblem | 'entry_deleted' | 'entries_missing' | 'head_mismatch';

export interface LogVerification extends Omit<ChainReport, 'broken'> {
  /**
   * The first thing that does not hold. For entries_missing and head_mismatch, `id` is the log's id and
   * `seq` the first entry the log's head accounts for but the chain does not (or the chain's length).
   */
  broken?: { id: string; seq: number; problem: LogProblem; message: string };
}

const MESSAGES: Record<LogProblem, string> = {
  content_changed: 'This entry was changed after it was written: its content no longer gives its hash.',
  wrong_previous:
    'This entry does not point at the entry before it: an entry before it was changed or removed.',
  wrong_hash: "This entry's link hash is not the hash of its place in the log: its link was altered.",
  out_of_order:
    'This entry is not the next one in the log: an entry before it is missing, or the order was altered.',
  entry_deleted: 'This entry is marked deleted, which no one may do: the database was altered.',
  entries_missing:
    'The log says it has more entries than are stored: its last entries were removed from the database.',
  head_mismatch: "The log's final hash does not match its last entry: the log or its entries were altered.",
};

const seqOf = (record: SyncRecord): number =>
  typeof record.fields.seq === 'number' ? record.fields.seq : Number.POSITIVE_INFINITY;

/** The log's entries in chain order (seq; the write order breaks a tie, which the chain then reports). */
export function chainOrder(entries: readonly SyncRecord[]): SyncRecord[] {
  return [...entries].sort((a, b) => seqOf(a) - seqOf(b) || (a.rev ?? 0) - (b.rev ?? 0));
}

function broken(id: string, seq: number, problem: LogProblem): NonNullable<LogVerification['broken']> {
  return { id, seq, problem, message: MESSAGES[problem] };
}

/** Verifies a stored log against its stored entries (read by the caller in one snapshot). */
export async function verifyStoredLog(
  log: SyncRecord,
  stored: readonly SyncRecord[],
  digest: Digest = nodeDigest,
): Promise<LogVerification> {
  const entries = chainOrder(stored);
  const firstDeleted = entries.findIndex((entry) => entry.deleted);
  const live = firstDeleted === -1 ? entries : entries.slice(0, firstDeleted);
  const report = await verifyChain(live, digest);
  const base = { ok: false, checked: report.checked, headHash: report.headHash };
  if (report.broken) {
    const { id, seq, problem } = report.broken;
    return { ...base, broken: broken(id, Number.isFinite(seq) ? seq : report.checked + 1, problem) };
  }
  if (firstDeleted !== -1) {
    const entry = entries[firstDeleted]!;
    return { ...base, broken: broken(entry.id, report.checked + 1, 'entry_deleted') };
  }
  const count = typeof log.fields.entryCount === 'number' ? log.fields.entryCount : 0;
  const head = typeof log.fields.headHash === 'string' ? log.fields.headHash : GENESIS_HASH;
  if (count > report.checked)
    return { ...base, broken: broken(log.id, report.checked + 1, 'entries_missing') };
  if (count !== report.checked || head !== report.headHash)
    return { ...base, broken: broken(log.id, report.checked, 'head_mismatch') };
  return { ok: true, checked: report.checked, headHash: report.headHash };
}

/** The log (null when no activity log has this id) and its entries, tombstones included, in rev order. */
export async function readLog(
  tx: StorageStores,
  logId: string,
): Promise<{ log: SyncRecord; entries: SyncRecord[] } | null> {
  const [log] = await tx.sync.getRecords([logId]);
  if (!log || log.kind !== 'activity_log') return null;
  const entries = await tx.sync.listRecordsByField({ kind: 'log_entry', field: 'logId', value: logId });
  return { log, entries };
}
