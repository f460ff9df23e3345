// The device side: run a mutation optimistically (and learn its base revisions for the outbox), and rebase
// pending outbox entries over freshly pulled server records so local edits stay visible until acknowledged.
import type { MutationArgs, MutationContext, MutationName, Rejection } from './mutation-types';
import { isRejected } from './mutation-types';
import { runMutation } from './mutations';
import type { OutboxEntry } from './outbox-entry';
import { touchedIds } from './outbox-entry';
import type { KindRegistry } from './record-kinds';
import type { RecordChange, RecordState, SyncRecord } from './sync-record';
import { applyChanges, stateOf } from './sync-record';

export interface LocalApplied {
  state: RecordState;
  changes: RecordChange[];
  /** What the outbox entry records: the server rev of each touched record as the device saw it. */
  baseRevs: Record<string, number | null>;
}

/** The server rev the device has seen for each record the mutation touches (null: never synced). */
export function baseRevsFor(
  state: RecordState,
  entry: Pick<OutboxEntry, 'name' | 'args'>,
  kinds?: KindRegistry,
): Record<string, number | null> {
  const revs: Record<string, number | null> = {};
  for (const id of touchedIds(entry, state, kinds)) revs[id] = state.records.get(id)?.rev ?? null;
  return revs;
}

/**
 * Runs a user action on the device. The repository writes `changes` and the outbox entry
 * `{clientId, seq, name, args, baseRevs, at: ctx.now, userId: ctx.userId}` in one transaction.
 */
export function applyLocal<N extends MutationName>(
  state: RecordState,
  name: N,
  args: MutationArgs[N],
  ctx: MutationContext,
): LocalApplied | { rejected: Rejection } {
  const entry = { name, args } as Pick<OutboxEntry, 'name' | 'args'>;
  const baseRevs = baseRevsFor(state, entry, ctx.kinds);
  const result = runMutation(state, name, args, ctx);
  if (isRejected(result)) return result;
  return { state: applyChanges(state, result.changes), changes: result.changes, baseRevs };
}

/** The session the replay runs as; user and time come from each entry. */
export type RebaseContext = Omit<MutationContext, 'userId' | 'now'>;

export interface Rebased {
  state: RecordState;
  /** Records the replay changed, in their final form: what the device writes over the pulled versions. */
  changed: SyncRecord[];
  /** Entries that no longer apply (say, their record was deleted meanwhile). Skipped here; the server's
   * answer to the push decides what the user is told. */
  skipped: { seq: number; rejected: Rejection }[];
}

/**
 * Replays still-pending outbox entries, in seq order, over server records. Pass at least the records
 * touchedIds() names for each entry; the result is the device's optimistic view of them.
 */
export function rebase(
  serverRecords: Iterable<SyncRecord> | RecordState,
  pending: readonly OutboxEntry[],
  ctx: RebaseContext,
): Rebased {
  let state = 'records' in serverRecords ? serverRecords : stateOf(serverRecords);
  const changed = new Map<string, SyncRecord>();
  const skipped: Rebased['skipped'] = [];
  for (const entry of [...pending].sort((a, b) => a.seq - b.seq)) {
    const result = runMutation(state, entry.name, entry.args, {
      ...ctx,
      userId: entry.userId,
      now: entry.at,
    });
    if (isRejected(result)) {
      skipped.push({ seq: entry.seq, rejected: result.rejected });
      continue;
    }
    state = applyChanges(state, result.changes);
    for (const change of result.changes) changed.set(change.record.id, change.record);
  }
  return { state, changed: [...changed.values()], skipped };
}
