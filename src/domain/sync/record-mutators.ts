// The generic record mutators: create, update and delete for editable kinds, append for append-only ones.
import { jsonEqual } from './json-value';
import type { JsonObject } from './json-value';
import { findKind, parseCreateArgs, parseDeleteArgs, parseUpdateArgs } from './mutation-args';
import type { MutationContext, MutationResult, Mutator, Rejection } from './mutation-types';
import { reject } from './mutation-types';
import type { RecordKind } from './record-kinds';
import { validateFields } from './record-kinds';
import type { RecordChange, SyncRecord } from './sync-record';
import { writeRefusal } from './write-access';

const refuse = (rejected: Rejection): MutationResult => ({ rejected });

function invalidFields(
  kind: RecordKind,
  fields: JsonObject,
  op: 'create' | 'update' | 'append',
  previous?: JsonObject,
  changed?: string[],
) {
  const errors = validateFields(kind, fields, previous ? { op, previous } : { op }, changed);
  const first = errors[0];
  return first ? refuse({ code: 'invalid', message: first.message, field: first.field, errors }) : null;
}

function userLabel(ctx: MutationContext, userId: string): string {
  return ctx.userLabel?.(userId) ?? userId;
}

/** The rejection for touching a deleted record: delete wins, and nothing undeletes. */
export function deletedRefusal(kind: RecordKind, record: SyncRecord, ctx: MutationContext): MutationResult {
  const deletedAt = record.updatedAt.slice(0, 10);
  const deletedBy = userLabel(ctx, record.updatedBy);
  return reject(
    'deleted',
    `This ${kind.label} was deleted on ${deletedAt} by ${deletedBy}; your change was not applied.`,
    { params: { deletedAt: record.updatedAt, deletedBy: record.updatedBy } },
  );
}

function insert(mode: 'create' | 'append'): Mutator {
  return (state, rawArgs, ctx) => {
    const parsed = parseCreateArgs(rawArgs);
    if (!parsed.ok) return refuse(parsed.rejected);
    const { args } = parsed;
    const found = findKind(ctx, args.kind);
    if (!found.ok) return refuse(found.rejected);
    const kind = found.args;
    if (mode === 'create' && kind.mode === 'append-only') {
      return reject('append_only', `A ${kind.label} is added with entry.append, not record.create.`);
    }
    if (mode === 'append' && kind.mode !== 'append-only') {
      return reject('invalid', `A ${kind.label} is not append-only; use record.create.`, { field: 'kind' });
    }
    const refusal = writeRefusal(ctx, kind, args.dept);
    if (refusal) return refuse(refusal);
    const fields = { ...kind.defaults, ...args.fields };
    const bad = invalidFields(kind, fields, mode);
    if (bad) return bad;

    const existing = state.records.get(args.id);
    if (existing) {
      const same =
        !existing.deleted &&
        existing.kind === kind.name &&
        existing.dept === args.dept &&
        jsonEqual(
          kind.onServerCreate || kind.parent?.sets
            ? withoutServerFields(existing.fields, fields)
            : existing.fields,
          fields,
        );
      // A replay of the same create (say, from a second copy of an export file) changes nothing.
      if (same) return { changes: [] };
      return reject(
        'duplicate',
        `A record with this id already exists; this ${kind.label} was not added again.`,
      );
    }
    const record: SyncRecord = {
      id: args.id,
      kind: kind.name,
      dept: args.dept,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.userId,
      updatedBy: ctx.userId,
      deleted: false,
      fields,
    };
    if (!kind.parent) return { changes: [{ op: mode, record, fields: Object.keys(fields) }] };
    const acted = actOnParent(state, kind, record, ctx);
    if ('rejected' in acted) return acted;
    const entry = acted.entryFields ? { ...record, fields: { ...fields, ...acted.entryFields } } : record;
    return { changes: [{ op: mode, record: entry, fields: Object.keys(entry.fields) }, ...acted.changes] };
  };
}

/** The record's fields without those the server added on creation (absent from the device's create). */
function withoutServerFields(stored: JsonObject, created: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(stored).filter(([field]) => field in created));
}

type ParentOutcome = { changes: RecordChange[]; entryFields?: JsonObject } | { rejected: Rejection };

/** The change an entry makes to its parent (see ParentSpec), or why it may not be made. */
function actOnParent(
  state: Parameters<Mutator>[0],
  kind: RecordKind,
  entry: SyncRecord,
  ctx: MutationContext,
): ParentOutcome {
  const spec = kind.parent!;
  const parentKind = findKind(ctx, spec.kind);
  const label = parentKind.ok ? parentKind.args.label : spec.kind;
  const parent = state.records.get(String(entry.fields[spec.field]));
  if (!parent || parent.kind !== spec.kind)
    return reject(
      'not_found',
      `The ${label} this ${kind.label} belongs to does not exist (or you cannot see it).`,
      {
        field: spec.field,
      },
    );
  if (parentKind.ok && parent.deleted) return deletedRefusal(parentKind.args, parent, ctx);
  if (parent.dept !== entry.dept)
    return reject('invalid', `A ${kind.label} belongs to the department of its ${label}.`, { field: 'dept' });
  const outcome = spec.apply(parent, entry.fields, ctx, entry.id);
  if ('rejected' in outcome) return { rejected: outcome.rejected };
  const entryFields = outcome.entryFields ? { entryFields: outcome.entryFields } : {};
  const changed = Object.keys(outcome.fields).filter((f) => !jsonEqual(parent.fields[f], outcome.fields[f]));
  if (changed.length === 0) return { changes: [], ...entryFields };
  const next: SyncRecord = {
    ...parent,
    fields: { ...parent.fields, ...outcome.fields },
    updatedAt: ctx.now,
    updatedBy: ctx.userId,
  };
  return { changes: [{ op: 'update', record: next, fields: changed }], ...entryFields };
}

export const createRecord: Mutator = insert('create');
export const appendEntry: Mutator = insert('append');

/** Looks up an existing editable record for update or delete, refusing what may not be touched. */
function editableTarget(
  state: Parameters<Mutator>[0],
  args: { kind: string; id: string },
  ctx: MutationContext,
): { kind: RecordKind; record: SyncRecord } | MutationResult {
  const found = findKind(ctx, args.kind);
  if (!found.ok) return refuse(found.rejected);
  const kind = found.args;
  if (kind.mode === 'append-only') {
    return reject('append_only', `A ${kind.label} cannot be changed or removed; add a correction instead.`);
  }
  const record = state.records.get(args.id);
  if (!record) return reject('not_found', `This ${kind.label} does not exist (or you cannot see it).`);
  if (record.kind !== kind.name)
    return reject('invalid', `This record is not a ${kind.label}.`, { field: 'kind' });
  const refusal = writeRefusal(ctx, kind, record.dept);
  if (refusal) return refuse(refusal);
  return { kind, record };
}

export const updateRecord: Mutator = (state, rawArgs, ctx) => {
  const parsed = parseUpdateArgs(rawArgs);
  if (!parsed.ok) return refuse(parsed.rejected);
  const target = editableTarget(state, parsed.args, ctx);
  if (!('record' in target)) return target;
  const { kind, record } = target;
  if (record.deleted) return deletedRefusal(kind, record, ctx);

  const fields = { ...record.fields, ...parsed.args.fields };
  const bad = invalidFields(kind, fields, 'update', record.fields, Object.keys(parsed.args.fields));
  if (bad) return bad;
  const changed = Object.keys(parsed.args.fields).filter((f) => !jsonEqual(record.fields[f], fields[f]));
  if (changed.length === 0) return { changes: [] };
  const next: SyncRecord = { ...record, fields, updatedAt: ctx.now, updatedBy: ctx.userId };
  return { changes: [{ op: 'update', record: next, fields: changed }] };
};

export const deleteRecord: Mutator = (state, rawArgs, ctx) => {
  const parsed = parseDeleteArgs(rawArgs);
  if (!parsed.ok) return refuse(parsed.rejected);
  const target = editableTarget(state, parsed.args, ctx);
  if (!('record' in target)) return target;
  const { kind, record } = target;
  if (kind.deletable === false)
    return reject(
      'not_allowed',
      `A ${kind.label} is part of a record that is kept for good, so it cannot be deleted.`,
    );
  // Deleting twice (two devices, or a replay) is harmless: the first delete stands.
  if (record.deleted) return { changes: [] };
  const next: SyncRecord = { ...record, deleted: true, updatedAt: ctx.now, updatedBy: ctx.userId };
  return { changes: [{ op: 'delete', record: next, fields: [] }] };
};
