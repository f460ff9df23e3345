// conflict.resolve: a person picks the value a conflicted field keeps; the choice is itself a synced change.
import { conflictFieldsOf } from './conflict-record';
import { jsonEqual } from './json-value';
import { parseResolveArgs } from './mutation-args';
import type { Mutator } from './mutation-types';
import { reject } from './mutation-types';
import { validateFields } from './record-kinds';
import { RECORD_KINDS } from './registered-kinds';
import type { RecordChange, SyncRecord } from './sync-record';
import { writeRefusal } from './write-access';

export const resolveConflict: Mutator = (state, rawArgs, ctx) => {
  const parsed = parseResolveArgs(rawArgs);
  if (!parsed.ok) return { rejected: parsed.rejected };
  const { conflictId, value } = parsed.args;
  const conflictRecord = state.records.get(conflictId);
  const conflict = conflictFieldsOf(conflictRecord);
  if (!conflictRecord || !conflict)
    return reject('not_found', 'This conflict does not exist (or you cannot see it).');
  const kind = (ctx.kinds ?? RECORD_KINDS).get(conflict.recordKind);
  const refusal = writeRefusal(ctx, kind, conflictRecord.dept);
  if (refusal) return { rejected: refusal };

  if (conflict.status === 'resolved') {
    if (jsonEqual(conflict.resolution, value)) return { changes: [] };
    return reject('already_resolved', 'Someone else already resolved this conflict with a different value.', {
      params: { resolvedBy: conflict.resolvedBy ?? '' },
    });
  }

  const changes: RecordChange[] = [];
  const target = state.records.get(conflict.recordId);
  // A deleted record stays deleted: the conflict is closed, the value goes nowhere.
  if (target && !target.deleted && !jsonEqual(target.fields[conflict.field], value)) {
    const fields = { ...target.fields, [conflict.field]: value };
    const errors = kind
      ? validateFields(kind, fields, { op: 'update', previous: target.fields }, [conflict.field])
      : [];
    const first = errors[0];
    if (first) return reject('invalid', first.message, { field: 'value', errors });
    const next: SyncRecord = { ...target, fields, updatedAt: ctx.now, updatedBy: ctx.userId };
    changes.push({ op: 'update', record: next, fields: [conflict.field] });
  }
  const resolved: SyncRecord = {
    ...conflictRecord,
    fields: {
      ...conflictRecord.fields,
      status: 'resolved',
      resolution: value,
      resolvedBy: ctx.userId,
      resolvedAt: ctx.now,
    },
    updatedAt: ctx.now,
    updatedBy: ctx.userId,
  };
  changes.unshift({
    op: 'update',
    record: resolved,
    fields: ['status', 'resolution', 'resolvedBy', 'resolvedAt'],
  });
  return { changes };
};
