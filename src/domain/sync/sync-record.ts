// The one shape every synced record has, on the device and on the server, and the changes mutators make.
import type { JsonObject } from './json-value';

/** Who last wrote a field on the server: decides whether a later edit from a device saw that value. */
export interface FieldWriter {
  userId: string;
  clientId: string;
}

export interface SyncRecord {
  /** UUIDv7 written by the device (UUIDv8 for records the server derives, such as conflicts). */
  id: string;
  kind: string;
  /** Owning department code. Never changes after creation. */
  dept: string;
  /** Server revision: the server change sequence that last touched it; absent until synced. */
  rev?: number;
  /** Device clock, for display only; never used to order changes. */
  createdAt: string;
  updatedAt: string;
  /** User ids of the creator and of the last change (for "by <user>" in lists and messages). */
  createdBy: string;
  updatedBy: string;
  /** Soft delete: the record stays as a tombstone. Nothing ever sets it back to false. */
  deleted: boolean;
  fields: JsonObject;
  /** Server only: the rev at which each field last changed. Pull strips it. */
  fieldRevs?: Record<string, number>;
  /** Server only: the device and user that last changed each field. Pull strips it. */
  fieldWriters?: Record<string, FieldWriter>;
}

/** The records a mutator reads. On the device: the local tables; on the server: the rows it loaded. */
export interface RecordState {
  records: ReadonlyMap<string, SyncRecord>;
}

export type ChangeOp = 'create' | 'update' | 'delete' | 'append';

/** One record written by a mutation: the whole record after the change, and which fields changed. */
export interface RecordChange {
  op: ChangeOp;
  record: SyncRecord;
  /** Fields whose value changed (every field on create and append; none on delete). */
  fields: string[];
}

/** The record as a client may see it: without the server-only bookkeeping. */
export function toPublicRecord(record: SyncRecord): SyncRecord {
  const { fieldRevs: _revs, fieldWriters: _writers, ...rest } = record;
  return rest;
}

/** A new state with the changes written over it; the input is left alone. */
export function applyChanges(state: RecordState, changes: readonly RecordChange[]): RecordState {
  if (changes.length === 0) return state;
  const records = new Map(state.records);
  for (const change of changes) records.set(change.record.id, change.record);
  return { records };
}

export function stateOf(records: Iterable<SyncRecord>): RecordState {
  return { records: new Map([...records].map((record) => [record.id, record])) };
}
