// The kinds registry: what each record kind holds, who may write it, and how its fields are validated.
// A feature adds a kind with one defineKind call and lists it in registered-kinds.ts.
import type { Role } from '../users';
import type { JsonObject } from './json-value';
import type { MutationContext, Rejection } from './mutation-types';
import type { SyncRecord } from './sync-record';

export type FieldErrorCode =
  | 'required'
  | 'too_long'
  | 'not_allowed_value'
  | 'wrong_type'
  | 'invalid_id'
  | 'unknown_field'
  | 'not_editable'
  | 'not_a_date'
  | 'not_a_number'
  | 'too_small'
  | 'too_large'
  | 'date_order';

/** A problem with one field, in words a clerk understands. Validation returns these; it never throws. */
export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
  /** Values the message names (a limit, another field), so the UI can say it in the reader's language. */
  params?: Record<string, string | number>;
}

/** Editable documents merge field by field; append-only entries are inserted and never changed. */
export type KindMode = 'editable' | 'append-only';

export interface ValidationContext {
  /** create and append validate the new fields; update validates the record's fields after the change. */
  op: 'create' | 'update' | 'append';
  /** The fields before an update. */
  previous?: JsonObject;
}

/**
 * An append-only kind whose entries act on a parent record: a permit's status event moves the permit, an
 * inspection result closes its inspection. The entry and the parent's change are one mutation, checked
 * against the parent as it is when the mutation runs (on the device, then again on the server), so two
 * devices cannot both move a record from the same state: the second is refused, not merged.
 */
export interface ParentSpec {
  /** The entry field that holds the parent's id (required). */
  field: string;
  /** The parent's kind. The entry takes the parent's department. */
  kind: string;
  /**
   * The parent's fields to change, or a refusal. Pure: it sees the parent, the entry, the context and the
   * entry's id. `entryFields` are set on the entry itself from the parent (its place in an activity log's
   * hash chain); they must be listed in `sets`.
   */
  apply(
    parent: SyncRecord,
    entry: JsonObject,
    ctx: MutationContext,
    entryId: string,
  ): { fields: JsonObject; entryFields?: JsonObject } | { rejected: Rejection };
  /**
   * Entry fields only apply() fills, computed where the mutation runs (on the device provisionally, then
   * by the server for good). A device may not send them: an entry that does is refused.
   */
  sets?: readonly string[];
}

export interface KindSpec {
  /** Stored in every record: lowercase letters, digits, underscores. Never rename one after release. */
  name: string;
  /** The word used in messages: "This <label> was deleted…". */
  label: string;
  mode: KindMode;
  /** Every field the kind may hold; anything else is refused. */
  fields: readonly string[];
  /** Fields record.update may change (editable kinds; default: all fields). */
  editableFields?: readonly string[];
  /** Roles allowed to write this kind (default: every role but viewer; viewers never write). */
  writeRoles?: readonly Role[];
  /** Values a create starts from before the device's fields are applied. */
  defaults?: JsonObject;
  /**
   * False for editable kinds that are part of a record kept for good (an incident, its activity logs):
   * record.delete is refused. Default true. Append-only kinds are never deleted anyway.
   */
  deletable?: boolean;
  validate(fields: JsonObject, ctx: ValidationContext): FieldError[];
  /** Append-only kinds only: the record each entry acts on (see ParentSpec). */
  parent?: ParentSpec;
  /**
   * Words a record is found by (lowercase, normalised), for the device's search index: prefixes of these
   * match as the user types. Keep it short: each term is one index entry per record.
   */
  searchTerms?(fields: JsonObject): string[];
  /**
   * Fields only the server fills, when a record of this kind first reaches it (an official permit number).
   * Runs on the server alone, after validation; the device learns the values from the next pull.
   */
  onServerCreate?(fields: JsonObject, ctx: ServerCreateContext): JsonObject;
}

export interface ServerCreateContext {
  /** The next number of a named series (1, 2, 3 …), kept by the server's database, never reused. */
  nextInSeries(series: string): number;
  /** Server ISO time. */
  now: string;
}

export interface RecordKind extends KindSpec {
  editableFields: readonly string[];
  writeRoles: readonly Role[];
  defaults: JsonObject;
}

const KIND_NAME = /^[a-z][a-z0-9_]{0,39}$/;
const DEFAULT_WRITE_ROLES: readonly Role[] = ['admin', 'manager', 'clerk', 'field'];

export function defineKind(spec: KindSpec): RecordKind {
  if (!KIND_NAME.test(spec.name)) throw new Error(`defineKind: bad kind name "${spec.name}"`);
  const editableFields = spec.mode === 'append-only' ? [] : (spec.editableFields ?? spec.fields);
  if (spec.parent && spec.mode !== 'append-only')
    throw new Error(`defineKind(${spec.name}): only append-only kinds have a parent`);
  if (spec.parent && !spec.fields.includes(spec.parent.field))
    throw new Error(`defineKind(${spec.name}): parent field "${spec.parent.field}" is not in fields`);
  const unlisted = spec.parent?.sets?.find((field) => !spec.fields.includes(field));
  if (unlisted) throw new Error(`defineKind(${spec.name}): parent sets "${unlisted}", not in fields`);
  const stray = editableFields.find((field) => !spec.fields.includes(field));
  if (stray) throw new Error(`defineKind(${spec.name}): editable field "${stray}" is not in fields`);
  const writeRoles = (spec.writeRoles ?? DEFAULT_WRITE_ROLES).filter((role) => role !== 'viewer');
  return Object.freeze({ ...spec, editableFields, writeRoles, defaults: spec.defaults ?? {} });
}

export interface KindRegistry {
  get(name: string): RecordKind | undefined;
  names(): string[];
}

/** Names the sync engine uses itself; no feature may define them. */
export const RESERVED_KIND_NAMES: readonly string[] = ['conflict'];

export function createKindRegistry(kinds: readonly RecordKind[]): KindRegistry {
  const byName = new Map<string, RecordKind>();
  for (const kind of kinds) {
    if (RESERVED_KIND_NAMES.includes(kind.name)) throw new Error(`kind name "${kind.name}" is reserved`);
    if (byName.has(kind.name)) throw new Error(`kind "${kind.name}" is defined twice`);
    byName.set(kind.name, kind);
  }
  return { get: (name) => byName.get(name), names: () => [...byName.keys()] };
}

/** The kind's own checks plus the generic ones: unknown fields, and fields an update may not change. */
export function validateFields(
  kind: RecordKind,
  fields: JsonObject,
  ctx: ValidationContext,
  changed: readonly string[] = Object.keys(fields),
): FieldError[] {
  const errors: FieldError[] = [];
  const derived = kind.parent?.sets ?? [];
  for (const field of changed) {
    if (derived.includes(field)) {
      errors.push({
        field,
        code: 'not_editable',
        message: `The field "${field}" is filled in when the ${kind.label} is added; it cannot be sent.`,
      });
    } else if (!kind.fields.includes(field)) {
      errors.push({ field, code: 'unknown_field', message: `A ${kind.label} has no field "${field}".` });
    } else if (ctx.op === 'update' && !kind.editableFields.includes(field)) {
      errors.push({ field, code: 'not_editable', message: `The field "${field}" cannot be changed.` });
    }
  }
  return errors.length > 0 ? errors : kind.validate(fields, ctx);
}
