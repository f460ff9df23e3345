// The server side: run a pushed entry through the same mutator, merge editable fields against the
// device's base revision (keeping the server value and recording a conflict when the same field moved on),
// and stamp revisions. The caller has already checked seq against lastSeq (see sequenceCheck).
import { makeConflictRecord } from './conflict-record';
import type { MutationContext, Rejection } from './mutation-types';
import { isRejected } from './mutation-types';
import { runMutation } from './mutations';
import { RECORD_KINDS } from './registered-kinds';
import type { OutboxEntry } from './outbox-entry';
import type { FieldWriter, RecordChange, RecordState, SyncRecord } from './sync-record';

export interface ServerContext extends Omit<MutationContext, 'userId' | 'now'> {
  /** Allocates the next server change sequence number; each written record takes one. */
  nextRev: () => number;
  /** Numbers of named series for kinds' onServerCreate (official permit numbers). */
  nextInSeries?: (series: string) => number;
  /** Server ISO time, stamped on conflict records. Record times come from the entry's `at`. */
  now: string;
}

export interface ServerApplied {
  status: 'applied' | 'conflict' | 'rejected';
  /** Records to write, already stamped with rev, fieldRevs and fieldWriters. */
  changes: RecordChange[];
  conflictIds: string[];
  /** The highest rev this entry wrote. */
  rev?: number;
  rejected?: Rejection;
}

/** How an arriving seq relates to the last one the server stored for that device. */
export function sequenceCheck(lastSeq: number, seq: number): 'duplicate' | 'next' | 'gap' {
  if (seq <= lastSeq) return 'duplicate';
  return seq === lastSeq + 1 ? 'next' : 'gap';
}

/**
 * Applies one entry. `state` must hold the records touchedIds(entry, state) names. Applying the same entry
 * twice in a row writes nothing the second time, and conflict ids depend only on (device, seq, field).
 * The ctx role and departments are those of entry.userId.
 */
export function applyOnServer(state: RecordState, entry: OutboxEntry, ctx: ServerContext): ServerApplied {
  const result = runMutation(state, entry.name, entry.args, { ...ctx, userId: entry.userId, now: entry.at });
  if (isRejected(result))
    return { status: 'rejected', changes: [], conflictIds: [], rejected: result.rejected };

  const changes: RecordChange[] = [];
  const conflictIds: string[] = [];
  for (const change of result.changes) {
    const existing = state.records.get(change.record.id);
    if (entry.name !== 'record.update' || !existing) {
      changes.push(existing ? change : withServerFields(change, ctx));
      continue;
    }
    const merged = mergeUpdate(state, existing, change, entry, ctx.now);
    const unfit = mergedProblems(existing, merged.changes, ctx);
    if (unfit) return { status: 'rejected', changes: [], conflictIds: [], rejected: unfit };
    conflictIds.push(...merged.conflictIds);
    changes.push(...merged.changes);
  }

  const writer: FieldWriter = { userId: entry.userId, clientId: entry.clientId };
  const stamped = changes.map((change) =>
    stamp(change, state.records.get(change.record.id), ctx.nextRev(), writer),
  );
  const rev = stamped.at(-1)?.record.rev;
  return {
    status: conflictIds.length > 0 ? 'conflict' : 'applied',
    changes: stamped,
    conflictIds,
    ...(rev === undefined ? {} : { rev }),
  };
}

/**
 * A field conflicts when the server changed it after the device's base revision, by another device,
 * to a value other than the one the device sends. The device's own earlier entries never conflict with
 * it: it saw those values when it made this one.
 */
function mergeUpdate(
  state: RecordState,
  existing: SyncRecord,
  change: RecordChange,
  entry: OutboxEntry,
  now: string,
): { changes: RecordChange[]; conflictIds: string[] } {
  const base = entry.baseRevs[existing.id] ?? 0;
  const fields = { ...change.record.fields };
  const applied: string[] = [];
  const conflicts: RecordChange[] = [];
  const conflictIds: string[] = [];
  for (const field of change.fields) {
    const changedSince = (existing.fieldRevs?.[field] ?? 0) > base;
    const byOther = existing.fieldWriters?.[field]?.clientId !== entry.clientId;
    if (!(changedSince && byOther)) {
      applied.push(field);
      continue;
    }
    const clientValue = fields[field] ?? null;
    const serverValue = existing.fields[field];
    if (serverValue === undefined) delete fields[field];
    else fields[field] = serverValue;
    const conflict = makeConflictRecord({ record: existing, field, clientValue, entry, now });
    conflictIds.push(conflict.id);
    // A retry that bypassed lastSeq finds its conflict already there and leaves it be.
    if (!state.records.has(conflict.id))
      conflicts.push({ op: 'create', record: conflict, fields: Object.keys(conflict.fields) });
  }
  const update: RecordChange[] =
    applied.length > 0 ? [{ ...change, record: { ...change.record, fields }, fields: applied }] : [];
  return { changes: [...update, ...conflicts], conflictIds };
}

/**
 * A merge keeps the fields another device changed first and takes the rest from this entry. Each side was
 * valid on its own, but together they may not be (a checklist's items under a section the other manager
 * removed): then nothing of the entry is applied, and it is refused with the reason, so the person sees it
 * under "Needs attention" and makes the change again on the record as it now is.
 */
function mergedProblems(existing: SyncRecord, changes: RecordChange[], ctx: ServerContext): Rejection | null {
  const update = changes.find((change) => change.record.id === existing.id && change.op === 'update');
  const kind = (ctx.kinds ?? RECORD_KINDS).get(existing.kind);
  if (!update || !kind || changes.length === 1) return null; // no conflict: the mutator already validated it
  const errors = kind.validate(update.record.fields, { op: 'update', previous: existing.fields });
  if (errors.length === 0) return null;
  return {
    code: 'not_allowed',
    message: `Someone else changed this ${kind.label} at the same time, and your change no longer fits it, so it was not applied: ${errors.map((e) => e.message).join(' ')} Open it again and redo your change.`,
    errors,
  };
}

/** A new record of a kind with onServerCreate gets the fields only the server may fill. */
function withServerFields(change: RecordChange, ctx: ServerContext): RecordChange {
  const kind = (ctx.kinds ?? RECORD_KINDS).get(change.record.kind);
  const { nextInSeries } = ctx;
  if (!kind?.onServerCreate || !nextInSeries || (change.op !== 'create' && change.op !== 'append'))
    return change;
  const added = kind.onServerCreate(change.record.fields, { nextInSeries, now: ctx.now });
  const names = Object.keys(added);
  if (names.length === 0) return change;
  return {
    ...change,
    record: { ...change.record, fields: { ...change.record.fields, ...added } },
    fields: [...new Set([...change.fields, ...names])],
  };
}

function stamp(
  change: RecordChange,
  previous: SyncRecord | undefined,
  rev: number,
  writer: FieldWriter,
): RecordChange {
  const fieldRevs = { ...previous?.fieldRevs };
  const fieldWriters = { ...previous?.fieldWriters };
  for (const field of change.fields) {
    fieldRevs[field] = rev;
    fieldWriters[field] = writer;
  }
  return { ...change, record: { ...change.record, rev, fieldRevs, fieldWriters } };
}
