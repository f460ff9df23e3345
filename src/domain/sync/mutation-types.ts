// Names, arguments, context and results of the generic sync mutations. Every mutator is a pure function
// (state, args, ctx) -> changes | rejection, run by the device (optimistically) and by the server (for real).
import type { Role } from '../users';
import type { FieldError, KindRegistry } from './record-kinds';
import type { JsonObject, JsonValue } from './json-value';
import type { RecordChange, RecordState } from './sync-record';

export const MUTATION_NAMES = [
  'record.create',
  'record.createMany',
  'record.update',
  'record.delete',
  'entry.append',
  'conflict.resolve',
] as const;
export type MutationName = (typeof MUTATION_NAMES)[number];

export function isMutationName(value: unknown): value is MutationName {
  return typeof value === 'string' && (MUTATION_NAMES as readonly string[]).includes(value);
}

export interface CreateRecordArgs {
  kind: string;
  id: string;
  dept: string;
  fields: JsonObject;
}
/**
 * Many creates as ONE outbox entry (an import): applied all together or refused all together. Each create is
 * checked exactly as a record.create would be; kinds with a parent record are not allowed in it.
 */
export interface CreateManyArgs {
  creates: CreateRecordArgs[];
}
/** The most creates one record.createMany may carry (the server refuses more). */
export const MAX_CREATES_PER_ENTRY = 100;
export interface UpdateRecordArgs {
  kind: string;
  id: string;
  /** Only the fields that changed. */
  fields: JsonObject;
}
export interface DeleteRecordArgs {
  kind: string;
  id: string;
}
export type AppendEntryArgs = CreateRecordArgs;
export interface ResolveConflictArgs {
  conflictId: string;
  /** The value the field should have from now on (usually one of the two sides). */
  value: JsonValue;
}

export interface MutationArgs {
  'record.create': CreateRecordArgs;
  'record.createMany': CreateManyArgs;
  'record.update': UpdateRecordArgs;
  'record.delete': DeleteRecordArgs;
  'entry.append': AppendEntryArgs;
  'conflict.resolve': ResolveConflictArgs;
}

/** Why a mutation was refused. Rejections advance the server's lastSeq: the queue never stalls on one. */
export const REJECTION_CODES = [
  'invalid', // args or fields failed validation; `field` names the first bad field
  'forbidden', // role may not write, or the department is not the user's
  'not_found', // the record or conflict does not exist
  'duplicate', // a create for an id that exists with different content
  'deleted', // the record was deleted; delete wins and nothing undeletes
  'append_only', // update or delete of an append-only entry
  'already_resolved', // the conflict was resolved with a different value
  'not_allowed', // the record moved on (e.g. another clerk changed a permit's status) and this step no longer applies
  'unknown_mutation',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  code: RejectionCode;
  /** Plain-language English; the UI may translate from `code` and `params`. */
  message: string;
  field?: string;
  /** Every field problem when code is 'invalid'. */
  errors?: FieldError[];
  /** Values the message mentions, for translation (e.g. deletedAt, deletedBy). */
  params?: Record<string, string>;
}

export interface MutationContext {
  userId: string;
  role: Role;
  /** The user's department codes. Admins may write any department regardless. */
  departments: readonly string[];
  /** ISO time written into createdAt/updatedAt. Replays pass the entry's `at`, so device and server agree. */
  now: string;
  /** Defaults to RECORD_KINDS; tests pass their own. */
  kinds?: KindRegistry;
  /** A display name for a user id, used in messages; defaults to the id. */
  userLabel?: (userId: string) => string;
}

export type MutationResult = { changes: RecordChange[] } | { rejected: Rejection };

export type Mutator = (state: RecordState, args: unknown, ctx: MutationContext) => MutationResult;

export function reject(code: RejectionCode, message: string, extra: Partial<Rejection> = {}): MutationResult {
  return { rejected: { code, message, ...extra } };
}

export function isRejected(result: MutationResult): result is { rejected: Rejection } {
  return 'rejected' in result;
}
