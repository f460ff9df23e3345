// Writing from the permit screens: a refused or failed write as a sentence in the reader's language.
import type { FieldError } from '../../../domain/sync/record-kinds';
import type { ChangeResult } from '../../sync/write-change';
import type { PermitsKey, PermitsT } from './messages';
import { errorsByField, type ErrorScope } from './permit-helpers';
import { exerciseRefusal } from '../../sync/exercise-mode';

const REJECTIONS: Record<string, PermitsKey> = {
  forbidden: 'permits.error.forbidden',
  deleted: 'permits.error.deleted',
  not_found: 'permits.error.notFound',
  not_allowed: 'permits.error.moved',
};

/** The sentence for a failed write (null when it worked), and the field errors it carried. */
export function writeProblem(
  t: PermitsT,
  result: ChangeResult,
  scope: ErrorScope = 'field',
): { message: string; fields: Record<string, string> } | null {
  if (result.ok) return null;
  const exercise = exerciseRefusal(result);
  if (exercise) return { message: exercise, fields: {} };
  if ('failure' in result)
    return {
      message: t(result.failure === 'storage_full' ? 'error.storageFull' : 'permits.error.signedOut'),
      fields: {},
    };
  const errors = (result.rejected as { errors?: FieldError[] }).errors ?? [];
  const key = REJECTIONS[result.rejected.code];
  return {
    message: key ? t(key) : t('common.fixErrors'),
    fields: errorsByField(t, errors, scope),
  };
}
