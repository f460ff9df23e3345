// Replaying still-pending outbox entries over server records: the device's optimistic view.
import type { RebaseContext } from '../domain/sync/apply-local';
import { rebase } from '../domain/sync/apply-local';
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import { touchedIds } from '../domain/sync/outbox-entry';
import type { RecordState, SyncRecord } from '../domain/sync/sync-record';

/**
 * Every entry was checked against its author's role when it was written; a replay only recomputes what
 * the device shows, and the server decides for real. So the replay does not check access again (the
 * author may not be the signed-in user, whose role the device does not know).
 */
const REPLAY_CONTEXT: RebaseContext = { role: 'admin', departments: [] };

/**
 * Replays each client's entries in seq order (the domain's rebase sorts by seq, so one client at a time).
 * A mutator reads only the records its entry touches, so entries on disjoint sets of records cannot
 * affect each other: each such group is replayed over just its own records. The result is the same as
 * one replay of everything, but the cost stays linear (rebase copies its state for every entry).
 */
export function replayPending(
  state: RecordState,
  pending: readonly OutboxEntry[],
): { state: RecordState; changed: Map<string, SyncRecord> } {
  const records = new Map(state.records);
  const changed = new Map<string, SyncRecord>();
  for (const group of independentGroups(state, pending)) {
    const own = new Map<string, SyncRecord>();
    for (const id of group.ids) {
      const record = state.records.get(id);
      if (record) own.set(id, record);
    }
    const result = replayGroup({ records: own }, group.entries);
    for (const [id, record] of result.state.records) records.set(id, record);
    for (const [id, record] of result.changed) changed.set(id, record);
  }
  return { state: { records }, changed };
}

function replayGroup(
  state: RecordState,
  pending: readonly OutboxEntry[],
): { state: RecordState; changed: Map<string, SyncRecord> } {
  const byClient = new Map<string, OutboxEntry[]>();
  for (const entry of pending) {
    const list = byClient.get(entry.clientId);
    if (list) list.push(entry);
    else byClient.set(entry.clientId, [entry]);
  }
  const changed = new Map<string, SyncRecord>();
  let current = state;
  for (const clientId of [...byClient.keys()].sort()) {
    const result = rebase(current, byClient.get(clientId) ?? [], REPLAY_CONTEXT);
    current = result.state;
    for (const record of result.changed) changed.set(record.id, record);
  }
  return { state: current, changed };
}

/** The entries split into groups that touch no record in common (union-find over touched ids). */
function independentGroups(
  state: RecordState,
  pending: readonly OutboxEntry[],
): { ids: string[]; entries: OutboxEntry[] }[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    for (let at = id; at !== root;) {
      const next = parent.get(at) ?? root;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const touched = pending.map((entry) => touchedIds(entry, state));
  for (const ids of touched) {
    for (const id of ids) if (!parent.has(id)) parent.set(id, id);
    const [first, ...rest] = ids;
    if (first === undefined) continue;
    for (const id of rest) parent.set(find(id), find(first));
  }
  const groups = new Map<string, { ids: string[]; entries: OutboxEntry[] }>();
  // An entry touching nothing (malformed args) is its own group; the replay skips it.
  const alone: { ids: string[]; entries: OutboxEntry[] }[] = [];
  pending.forEach((entry, i) => {
    const first = touched[i]?.[0];
    if (first === undefined) return alone.push({ ids: [], entries: [entry] });
    const root = find(first);
    const group = groups.get(root) ?? { ids: [], entries: [] };
    group.entries.push(entry);
    groups.set(root, group);
  });
  for (const id of parent.keys()) groups.get(find(id))?.ids.push(id);
  return [...groups.values(), ...alone];
}
