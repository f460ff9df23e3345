// The kinds registry: what each record kind holds, who may write it, and how its fields are validated.
// A feature adds a kind with one defineKind call and lists it in registered-kinds.ts.
import type { Role } from '../users';
import type { JsonObject } from './json-value';

export type FieldErrorCode =
  | 'required'
  | 'too_long'
  | 'not_allowed_value'
  | 'wrong_type'
  | 'invalid_id'
  | 'unknown_field'
  | 'not_editable';

/** A problem with one field, in words a clerk understands. Validation returns these; it never throws. */
export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
}

/** Editable documents merge field by field; append-only entries are inserted and never changed. */
export type KindMode = 'editable' | 'append-only';

export interface ValidationContext {
  /** create and append validate the new fields; update validates the record's fields after the change. */
  op: 'create' | 'update' | 'append';
  /** The fields before an update. */
  previous?: JsonObject;
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
  validate(fields: JsonObject, ctx: ValidationContext): FieldError[];
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
  for (const field of changed) {
    if (!kind.fields.includes(field)) {
      errors.push({ field, code: 'unknown_field', message: `A ${kind.label} has no field "${field}".` });
    } else if (ctx.op === 'update' && !kind.editableFields.includes(field)) {
      errors.push({ field, code: 'not_editable', message: `The field "${field}" cannot be changed.` });
    }
  }
  return errors.length > 0 ? errors : kind.validate(fields, ctx);
}
