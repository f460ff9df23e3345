// Conflict records: made by the server when two devices changed the same field of an editable record.
// A conflict is itself a synced record (kind "conflict"), so every device in the department sees it.
import { isJsonObject } from './json-value';
import type { JsonValue } from './json-value';
import { deterministicUuid } from './record-id';
import type { SyncRecord } from './sync-record';

export const CONFLICT_KIND = 'conflict';

export type ConflictStatus = 'open' | 'resolved';

export interface ConflictFields {
  recordKind: string;
  recordId: string;
  field: string;
  /** The value the server kept, the rev that wrote it and the user who wrote it. */
  serverValue: JsonValue;
  serverRev: number;
  serverBy: string;
  /** The value the device sent, who sent it, from which device and when (device clock). */
  clientValue: JsonValue;
  clientBy: string;
  clientDevice: string;
  clientAt: string;
  status: ConflictStatus;
  resolution?: JsonValue;
  resolvedBy?: string;
  resolvedAt?: string;
}

/** Same (device, seq, field), same id: a retried push cannot make a second conflict. */
export function conflictRecordId(clientId: string, seq: number, field: string): string {
  return deterministicUuid(CONFLICT_KIND, clientId, seq, field);
}

export interface ConflictInput {
  record: SyncRecord;
  field: string;
  clientValue: JsonValue;
  entry: { clientId: string; seq: number; userId: string; at: string };
  /** Server time the conflict was found. */
  now: string;
}

export function makeConflictRecord({ record, field, clientValue, entry, now }: ConflictInput): SyncRecord {
  const fields: ConflictFields = {
    recordKind: record.kind,
    recordId: record.id,
    field,
    serverValue: record.fields[field] ?? null,
    serverRev: record.fieldRevs?.[field] ?? record.rev ?? 0,
    serverBy: record.fieldWriters?.[field]?.userId ?? record.updatedBy,
    clientValue,
    clientBy: entry.userId,
    clientDevice: entry.clientId,
    clientAt: entry.at,
    status: 'open',
  };
  return {
    id: conflictRecordId(entry.clientId, entry.seq, field),
    kind: CONFLICT_KIND,
    dept: record.dept,
    createdAt: now,
    updatedAt: now,
    createdBy: entry.userId,
    updatedBy: entry.userId,
    deleted: false,
    fields: { ...fields },
  };
}

/** The conflict fields of a record, or null when it is not a well-formed conflict. */
export function conflictFieldsOf(record: SyncRecord | undefined): ConflictFields | null {
  if (!record || record.kind !== CONFLICT_KIND || !isJsonObject(record.fields)) return null;
  const f = record.fields;
  const strings = [f.recordKind, f.recordId, f.field, f.serverBy, f.clientBy, f.clientDevice, f.clientAt];
  if (!strings.every((value) => typeof value === 'string')) return null;
  if (f.status !== 'open' && f.status !== 'resolved') return null;
  if (!('serverValue' in f) || !('clientValue' in f) || typeof f.serverRev !== 'number') return null;
  return f as unknown as ConflictFields;
}
