// The "EXERCISE" label every screen and printed page of an exercise incident carries: a word, never a
// colour alone, announced to screen readers with the note that explains it.
import { useAreaT } from '../../i18n/use-t';
import { incidentLabels } from './labels';

export function ExerciseBadge({ exercise, long = false }: { exercise: unknown; long?: boolean }) {
  const t = useAreaT(incidentLabels);
  if (exercise !== true) return null;
  return (
    <span class="exercise-badge">
      <strong>{t('incidents.exercise')}</strong>
      {long ? <span> {t('incidents.exerciseNote')}</span> : null}
    </span>
  );
}
