// The mutation table: one pure mutator per generic mutation name, and the single entry point that runs one.
import type { MutationContext, MutationName, MutationResult, Mutator } from './mutation-types';
import { createMany } from './create-many';
import { reject } from './mutation-types';
import { appendEntry, createRecord, deleteRecord, updateRecord } from './record-mutators';
import { resolveConflict } from './resolve-conflict';
import type { RecordState } from './sync-record';

export const MUTATORS: Readonly<Record<MutationName, Mutator>> = {
  'record.create': createRecord,
  'record.createMany': createMany,
  'record.update': updateRecord,
  'record.delete': deleteRecord,
  'entry.append': appendEntry,
  'conflict.resolve': resolveConflict,
};

/** Runs a mutation by name. Args are checked by the mutator, so untrusted input is safe to pass. */
export function runMutation(
  state: RecordState,
  name: string,
  args: unknown,
  ctx: MutationContext,
): MutationResult {
  const mutator = Object.hasOwn(MUTATORS, name) ? MUTATORS[name as MutationName] : undefined;
  if (!mutator) return reject('unknown_mutation', `This app version does not know the change "${name}".`);
  return mutator(state, args, ctx);
}
