// Runs a user action through the write path as the signed-in user, then nudges sync.
import type { MutationArgs, MutationName } from '../../domain/sync';
import { readCachedSession, StorageQuotaError, writeMutation, type WriteResult } from '../../storage';
import { currentDatabase } from '../store/app-store';
import { exerciseMode, guardForExerciseMode } from './exercise-mode';
import { syncAfterWrite } from './sync-runtime';

export type ChangeResult = WriteResult | { ok: false; failure: 'storage_full' | 'no_user' };

export async function writeChange<N extends MutationName>(
  name: N,
  args: MutationArgs[N],
): Promise<ChangeResult> {
  const db = currentDatabase();
  const user = db ? (await readCachedSession(db))?.user : null;
  if (!db || !user) return { ok: false, failure: 'no_user' };
  // Exercise mode: exercise material only (a new incident, call-down or checklist becomes an exercise one).
  if (exerciseMode()) {
    const guarded = await guardForExerciseMode(db, name, args);
    if (!guarded.ok) return { ok: false, rejected: guarded.rejected };
    args = guarded.args;
  }
  try {
    const result = await writeMutation(db, name, args, {
      userId: user.id,
      role: user.role,
      departments: user.departments,
      now: new Date().toISOString(),
    });
    if (result.ok && result.entry) syncAfterWrite();
    return result;
  } catch (error) {
    if (error instanceof StorageQuotaError) return { ok: false, failure: 'storage_full' };
    throw error;
  }
}
