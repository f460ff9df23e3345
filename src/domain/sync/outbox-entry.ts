// The outbox entry: one mutation as the device queued it, and the shape check the server runs on arrival.
import { createsIn } from './create-many';
import { isPlainObject } from './json-value';
import type { MutationArgs, MutationName } from './mutation-types';
import { isMutationName } from './mutation-types';
import type { KindRegistry } from './record-kinds';
import { RECORD_KINDS } from './registered-kinds';
import type { RecordState } from './sync-record';

interface EntryEnvelope {
  /** The device's id (one per installation). */
  clientId: string;
  /** Gap-free per device, from 1. */
  seq: number;
  /** For each record the mutation touches, the server rev the device had seen (null: never synced). */
  baseRevs: Record<string, number | null>;
  /** Device ISO time of the action. */
  at: string;
  userId: string;
}

export type OutboxEntry = {
  [N in MutationName]: EntryEnvelope & { name: N; args: MutationArgs[N] };
}[MutationName];

const MAX_ID_LENGTH = 128;
const shortString = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;

/**
 * Checks the envelope of an untrusted entry; returns the first problem or null. Args are checked by the
 * mutator, so a bad one becomes a rejection for that entry rather than a refused batch.
 */
export function outboxEntryProblem(value: unknown): string | null {
  if (!isPlainObject(value)) return 'the entry is not an object';
  if (!shortString(value.clientId)) return 'clientId is missing';
  if (!Number.isSafeInteger(value.seq) || (value.seq as number) < 1)
    return 'seq must be a whole number from 1';
  if (typeof value.name !== 'string') return 'name is missing';
  if (!isPlainObject(value.args)) return 'args must be an object';
  if (!isPlainObject(value.baseRevs)) return 'baseRevs must be an object';
  for (const rev of Object.values(value.baseRevs)) {
    if (rev !== null && !(Number.isSafeInteger(rev) && (rev as number) >= 0))
      return 'baseRevs holds a bad rev';
  }
  if (typeof value.at !== 'string' || Number.isNaN(Date.parse(value.at))) return 'at must be an ISO time';
  if (!shortString(value.userId)) return 'userId is missing';
  return null;
}

export function isOutboxEntry(value: unknown): value is OutboxEntry {
  return outboxEntryProblem(value) === null && isMutationName((value as { name: unknown }).name);
}

/**
 * Ids of the records an entry reads or writes: what the server loads before applying it and the device
 * loads before replaying it. For conflict.resolve, pass a state holding the conflict to get its record too.
 */
export function touchedIds(
  entry: Pick<OutboxEntry, 'name' | 'args'>,
  state?: RecordState,
  kinds: KindRegistry = RECORD_KINDS,
): string[] {
  const args = entry.args as unknown as Record<string, unknown>;
  if (entry.name === 'record.createMany') return createsIn(args).map((create) => create.id);
  if (entry.name === 'entry.append') {
    // An entry with a parent (a permit's status event) reads and writes the parent too.
    const own = typeof args.id === 'string' ? [args.id] : [];
    const field = typeof args.kind === 'string' ? kinds.get(args.kind)?.parent?.field : undefined;
    const fields = args.fields as Record<string, unknown> | undefined;
    const parentId = field && isPlainObject(fields) ? fields[field] : undefined;
    return typeof parentId === 'string' && parentId !== args.id ? [...own, parentId] : own;
  }
  if (entry.name !== 'conflict.resolve') return typeof args.id === 'string' ? [args.id] : [];
  if (typeof args.conflictId !== 'string') return [];
  const recordId = state?.records.get(args.conflictId)?.fields.recordId;
  return typeof recordId === 'string' ? [args.conflictId, recordId] : [args.conflictId];
}
