// Writing from the incident screens: a refused or failed write as a sentence in the reader's language.
import type { FieldError } from '../../../domain/sync/record-kinds';
import type { ChangeResult } from '../../sync/write-change';
import { errorsByField, type LabelKeys } from './incident-helpers';
import type { IncidentsKey, IncidentsT } from './messages';
import { exerciseRefusal } from '../../sync/exercise-mode';

const REJECTIONS: Record<string, IncidentsKey> = {
  forbidden: 'incidents.error.forbidden',
  deleted: 'incidents.error.deleted',
  not_found: 'incidents.error.notFound',
  not_allowed: 'incidents.reply.already',
};

/** The sentence for a failed write (null when it worked), and the field errors it carried. */
export function writeProblem(
  t: IncidentsT,
  result: ChangeResult,
  labels: LabelKeys = {},
): { message: string; fields: Record<string, string> } | null {
  if (result.ok) return null;
  const exercise = exerciseRefusal(result);
  if (exercise) return { message: exercise, fields: {} };
  if ('failure' in result)
    return {
      message: t(result.failure === 'storage_full' ? 'error.storageFull' : 'incidents.error.signedOut'),
      fields: {},
    };
  const errors = (result.rejected as { errors?: FieldError[] }).errors ?? [];
  const key = REJECTIONS[result.rejected.code];
  return {
    message: key ? t(key) : t('common.fixErrors'),
    fields: errorsByField(t, errors, labels),
  };
}
