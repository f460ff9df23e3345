// Replaying still-pending outbox entries over server records: the device's optimistic view.
import type { RebaseContext } from '../domain/sync/apply-local';
import { rebase } from '../domain/sync/apply-local';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import type { RecordState, SyncRecord } from '../domain/sync/sync-record';

/**
 * Every entry was checked against its author's role when it was written; a replay only recomputes what
 * the device shows, and the server decides for real. So the replay does not check access again (the
 * author may not be the signed-in user, whose role the device does not know).
 */
const REPLAY_CONTEXT: RebaseContext = { role: 'admin', departments: [] };

/** Replays each client's entries in seq order (the domain's rebase sorts by seq, so one client at a time). */
export function replayPending(
  state: RecordState,
  pending: readonly OutboxEntry[],
): { state: RecordState; changed: Map<string, SyncRecord> } {
  const byClient = new Map<string, OutboxEntry[]>();
  for (const entry of pending) byClient.set(entry.clientId, [...(byClient.get(entry.clientId) ?? []), entry]);
  const changed = new Map<string, SyncRecord>();
  let current = state;
  for (const clientId of [...byClient.keys()].sort()) {
    const result = rebase(current, byClient.get(clientId) ?? [], REPLAY_CONTEXT);
    current = result.state;
    for (const record of result.changed) changed.set(record.id, record);
  }
  return { state: current, changed };
}
