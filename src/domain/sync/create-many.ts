// record.createMany: an import's creates as one outbox entry. Every create goes through the record.create
// mutator, in order, each seeing the ones before it; the first refusal refuses the whole entry, naming the
// create (its position and id), so the entry is applied all together or not at all, on the device and on
// the server alike.
import { isPlainObject } from './json-value';
import { findKind } from './mutation-args';
import type { CreateRecordArgs, Mutator } from './mutation-types';
import { MAX_CREATES_PER_ENTRY, reject } from './mutation-types';
import { createRecord } from './record-mutators';
import type { RecordChange, SyncRecord } from './sync-record';

/** The creates of an untrusted record.createMany's args, or why they cannot be taken. */
export function createsOf(args: unknown): unknown[] | string {
  if (!isPlainObject(args) || !Array.isArray(args.creates)) return 'The change carries no list of records.';
  const { creates } = args;
  if (creates.length === 0) return 'The change carries an empty list of records.';
  if (creates.length > MAX_CREATES_PER_ENTRY)
    return `One change may create at most ${MAX_CREATES_PER_ENTRY} records; this one has ${creates.length}.`;
  return creates;
}

export const createMany: Mutator = (state, rawArgs, ctx) => {
  const creates = createsOf(rawArgs);
  if (typeof creates === 'string') return reject('invalid', creates, { field: 'creates' });
  const ids = new Set<string>();
  // A create reads only its own id (kinds with a parent are refused below), so the view holds just those:
  // no copy of everything the caller has loaded.
  const records = new Map<string, SyncRecord>();
  const view = { records };
  const changes: RecordChange[] = [];
  for (const [index, create] of creates.entries()) {
    const item = { item: String(index + 1), of: String(creates.length) };
    const id = isPlainObject(create) && typeof create.id === 'string' ? create.id : '';
    if (ids.has(id))
      return reject('invalid', `Record ${item.item} of ${item.of} repeats the id of an earlier one.`, {
        field: 'id',
        params: { ...item, id },
      });
    ids.add(id);
    const existing = state.records.get(id);
    if (existing) records.set(id, existing);
    // A kind whose records act on a parent (an entry that moves a permit's status) is not batched: its
    // parent would be touched too, and each such change has its own meaning for the user.
    const kindName = isPlainObject(create) && typeof create.kind === 'string' ? create.kind : '';
    const kind = findKind(ctx, kindName);
    if (kind.ok && kind.args.parent)
      return reject('invalid', `A ${kind.args.label} cannot be created as part of an import.`, {
        field: 'kind',
        params: { ...item, id },
      });
    const result = createRecord(view, create, ctx);
    if ('rejected' in result) {
      const { rejected } = result;
      return {
        rejected: {
          ...rejected,
          message: `Record ${item.item} of ${item.of}: ${rejected.message}`,
          params: { ...rejected.params, ...item, id },
        },
      };
    }
    for (const change of result.changes) {
      records.set(change.record.id, change.record);
      changes.push(change);
    }
  }
  return { changes };
};

/** The creates of a record.createMany that name an id (what touchedIds lists); none when it is malformed. */
export function createsIn(args: unknown): CreateRecordArgs[] {
  const creates = createsOf(args);
  return typeof creates === 'string'
    ? []
    : creates.filter((c): c is CreateRecordArgs => isPlainObject(c) && typeof c.id === 'string');
}
