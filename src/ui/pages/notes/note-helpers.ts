// Small helpers shared by the note screens: field text, status words, who may write, and messages
// for a change the device refused to write.
import type { JsonValue, Rejection } from '../../../domain/sync';
import type { UserProfile } from '../../../domain/users';
import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/use-t';
import type { NotesKey } from './messages';
import type { ChangeResult } from '../../sync/write-change';
import { exerciseRefusal } from '../../sync/exercise-mode';

export const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

export const noteStatusKey = (status: JsonValue | undefined): NotesKey =>
  status === 'closed' ? 'notes.status.closed' : 'notes.status.open';

/** Viewers look but never write; the domain refuses them too, this only hides the buttons. */
export const canWrite = (user: Pick<UserProfile, 'role'>): boolean => user.role !== 'viewer';

const rejectionKeys: Partial<Record<Rejection['code'], MessageKey>> = {
  forbidden: 'notes.error.forbidden',
  deleted: 'notes.error.deleted',
  not_found: 'notes.error.notFound',
};

/** The sentence for a failed write, or null when it worked (any area's write: its strings are the shell's). */
export function changeError(t: Translate, result: ChangeResult): string | null {
  if (result.ok) return null;
  const exercise = exerciseRefusal(result);
  if (exercise) return exercise;
  if ('failure' in result)
    return t(result.failure === 'storage_full' ? 'error.storageFull' : 'notes.error.signedOut');
  const key = rejectionKeys[result.rejected.code];
  return key ? t(key) : t('notes.error.refused', { reason: result.rejected.message });
}
