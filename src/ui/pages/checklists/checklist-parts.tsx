// Small pieces the Checklists screens share: the EXERCISE label (a word, never a colour alone) and a
// refused or failed write as a sentence in the reader's language.
import type { FieldError } from '../../../domain/sync/record-kinds';
import { useAreaT } from '../../i18n/use-t';
import type { ChangeResult } from '../../sync/write-change';
import { checklistsMessages, type ChecklistsT } from './messages';
import { exerciseRefusal } from '../../sync/exercise-mode';

export function ChecklistExercise({ exercise, long = false }: { exercise: unknown; long?: boolean }) {
  const t = useAreaT(checklistsMessages);
  if (exercise !== true) return null;
  return (
    <span class="exercise-badge">
      <strong>{t('checklists.exercise')}</strong>
      {long ? <span> {t('checklists.exerciseNote')}</span> : null}
    </span>
  );
}

export function writeProblem(t: ChecklistsT, result: ChangeResult): string | null {
  if (result.ok) return null;
  const exercise = exerciseRefusal(result);
  if (exercise) return exercise;
  if ('failure' in result)
    return t(
      result.failure === 'storage_full' ? 'checklists.error.storageFull' : 'checklists.error.signedOut',
    );
  const errors = (result.rejected as { errors?: FieldError[] }).errors ?? [];
  const reason =
    errors.map((error) => error.message).join(' ') || result.rejected.message || result.rejected.code;
  return t('checklists.error.failed', { reason });
}
