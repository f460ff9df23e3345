// Parsing untrusted mutation args (they arrive over the network or from a file) into typed ones.
import { isDepartmentCode } from '../users';
import { isJsonObject, isJsonValue, isPlainObject } from './json-value';
import type {
  CreateRecordArgs,
  DeleteRecordArgs,
  MutationContext,
  Rejection,
  ResolveConflictArgs,
  UpdateRecordArgs,
} from './mutation-types';
import { isRecordId } from './record-id';
import type { RecordKind } from './record-kinds';
import { RECORD_KINDS } from './registered-kinds';

type Parsed<T> = { ok: true; args: T } | { ok: false; rejected: Rejection };

const invalid = (field: string, message: string): Parsed<never> => ({
  ok: false,
  rejected: { code: 'invalid', message, field },
});

function base(args: unknown): Parsed<DeleteRecordArgs> {
  if (!isPlainObject(args)) return invalid('args', 'The change is malformed.');
  if (typeof args.kind !== 'string') return invalid('kind', 'The record kind is missing.');
  if (!isRecordId(args.id)) return invalid('id', 'The record id is not a valid id.');
  return { ok: true, args: { kind: args.kind, id: args.id } };
}

function withFields(args: unknown): Parsed<UpdateRecordArgs> {
  const parsed = base(args);
  if (!parsed.ok) return parsed;
  const fields = (args as Record<string, unknown>).fields;
  if (!isJsonObject(fields)) return invalid('fields', 'The fields are malformed.');
  return { ok: true, args: { ...parsed.args, fields } };
}

export const parseDeleteArgs = base;
export const parseUpdateArgs = withFields;

export function parseCreateArgs(args: unknown): Parsed<CreateRecordArgs> {
  const parsed = withFields(args);
  if (!parsed.ok) return parsed;
  const dept = (args as Record<string, unknown>).dept;
  if (!isDepartmentCode(dept)) return invalid('dept', 'The department code is not valid.');
  return { ok: true, args: { ...parsed.args, dept } };
}

export function parseResolveArgs(args: unknown): Parsed<ResolveConflictArgs> {
  if (!isPlainObject(args)) return invalid('args', 'The change is malformed.');
  if (!isRecordId(args.conflictId)) return invalid('conflictId', 'The conflict id is not a valid id.');
  if (!('value' in args) || !isJsonValue(args.value))
    return invalid('value', 'The chosen value is malformed.');
  return { ok: true, args: { conflictId: args.conflictId, value: args.value } };
}

export function findKind(ctx: MutationContext, name: string): Parsed<RecordKind> {
  const kind = (ctx.kinds ?? RECORD_KINDS).get(name);
  return kind
    ? { ok: true, args: kind }
    : invalid('kind', `"${name}" is not a kind of record this app knows.`);
}
