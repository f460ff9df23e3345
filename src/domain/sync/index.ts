// The sync engine's pure core in one import: records, kinds, mutators, device replay and server merge.
export type { JsonObject, JsonValue } from './json-value';
export { isJsonObject, isJsonValue, jsonEqual } from './json-value';
export { canonicalJson } from './canonical-json';
export { RECORD_ID_PATTERN, deterministicUuid, isRecordId } from './record-id';
export type { ChangeOp, FieldWriter, RecordChange, RecordState, SyncRecord } from './sync-record';
export { applyChanges, stateOf, toPublicRecord } from './sync-record';
export type {
  FieldError,
  KindMode,
  KindRegistry,
  KindSpec,
  RecordKind,
  ValidationContext,
} from './record-kinds';
export { RESERVED_KIND_NAMES, createKindRegistry, defineKind, validateFields } from './record-kinds';
export { checkOneOf, checkRecordRef, checkText, problems } from './field-checks';
export { RECORD_KINDS } from './registered-kinds';
export { NOTE_STATUSES, noteKind } from './note-kind';
export { noteCommentKind } from './note-comment-kind';
export type { ConflictFields, ConflictStatus } from './conflict-record';
export { CONFLICT_KIND, conflictFieldsOf, conflictRecordId } from './conflict-record';
export type * from './mutation-types';
export { MUTATION_NAMES, REJECTION_CODES, isMutationName, isRejected } from './mutation-types';
export type { OutboxEntry } from './outbox-entry';
export { isOutboxEntry, outboxEntryProblem, touchedIds } from './outbox-entry';
export { MUTATORS, runMutation } from './mutations';
export { canRead, writeRefusal } from './write-access';
export type { LocalApplied, RebaseContext, Rebased } from './apply-local';
export { applyLocal, baseRevsFor, rebase } from './apply-local';
export type { ServerApplied, ServerContext } from './apply-server';
export { applyOnServer, sequenceCheck } from './apply-server';
