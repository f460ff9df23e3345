// Writing from the run screens: a refused or failed write as a sentence in the reader's language.
import type { FieldError } from '../../../../domain/sync/record-kinds';
import type { ChangeResult } from '../../../sync/write-change';
import { formatPhone } from '../phone-format';
import type { RunsT } from './messages';
import { exerciseRefusal } from '../../../sync/exercise-mode';

export function writeProblem(t: RunsT, result: ChangeResult): string | null {
  if (result.ok) return null;
  const exercise = exerciseRefusal(result);
  if (exercise) return exercise;
  if ('failure' in result)
    return t(result.failure === 'storage_full' ? 'runs.error.storageFull' : 'runs.error.signedOut');
  const errors = (result.rejected as { errors?: FieldError[] }).errors ?? [];
  const reason = errors.map((error) => error.message).join(' ') || result.rejected.code;
  return t('runs.error.failed', { reason });
}

/** A stored (E.164) number as the run screens and print views show it: "+1 802 555 0134". */
export const phoneText = (number: string): string => formatPhone(number);
