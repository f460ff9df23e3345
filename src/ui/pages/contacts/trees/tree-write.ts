// Writing from the tree and succession screens: a refused or failed write as a sentence in the reader's
// language, with the field errors the domain gave, each as a plain sentence next to its field.
import type { FieldError } from '../../../../domain/sync/record-kinds';
import type { MutationArgs, MutationName } from '../../../../domain/sync';
import { writeChange, type ChangeResult } from '../../../sync/write-change';
import type { TreesKey, TreesT } from './messages';
import { exerciseRefusal } from '../../../sync/exercise-mode';

export interface Problem {
  message: string;
  fields: Record<string, string>;
}

const FIELD_MESSAGES: Record<string, TreesKey> = {
  'name.required': 'trees.error.name.required',
  'name.too_long': 'trees.error.tooLong',
  'position.required': 'trees.error.position.required',
  'position.too_long': 'trees.error.tooLong',
  escalateAfterAttempts: 'trees.error.attempts',
  escalateAfterMinutes: 'trees.error.minutes',
  'backupContactId.not_allowed_value': 'trees.error.ownBackup',
  'contactIds.not_allowed_value': 'trees.error.twiceInLine',
  'contactIds.too_large': 'trees.error.lineTooLong',
};

/** The sentence for a failed write (null when it worked), and the field errors it carried. */
export function writeProblem(t: TreesT, result: ChangeResult): Problem | null {
  if (result.ok) return null;
  const exercise = exerciseRefusal(result);
  if (exercise) return { message: exercise, fields: {} };
  if ('failure' in result)
    return {
      message: t(result.failure === 'storage_full' ? 'trees.error.storageFull' : 'trees.error.signedOut'),
      fields: {},
    };
  const errors = (result.rejected as { errors?: FieldError[] }).errors ?? [];
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const key = FIELD_MESSAGES[`${error.field}.${error.code}`] ?? FIELD_MESSAGES[error.field];
    fields[error.field] ??= key ? t(key) : t('trees.error.invalid');
  }
  const code = result.rejected.code;
  return {
    message:
      code === 'forbidden'
        ? t('trees.error.forbidden')
        : code === 'deleted' || code === 'not_found'
          ? t('trees.error.gone')
          : errors.length
            ? t('common.fixErrors')
            : t('trees.error.invalid'),
    fields,
  };
}

/** Runs one change and returns its problem in words (null when it was saved). */
export async function change<N extends MutationName>(
  t: TreesT,
  name: N,
  args: MutationArgs[N],
): Promise<Problem | null> {
  return writeProblem(t, await writeChange(name, args));
}
