// While this device is in exercise mode: a banner on every screen says so, in words, with the way out.
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t';
import {
  exerciseMode,
  setExerciseMode,
  subscribeExerciseMode,
  type ExerciseMode,
} from '../sync/exercise-mode';

export function useExerciseMode(): ExerciseMode | null {
  const [mode, setMode] = useState(exerciseMode);
  useEffect(() => subscribeExerciseMode(setMode), []);
  return mode;
}

export function ExerciseModeBanner() {
  const t = useT();
  const mode = useExerciseMode();
  if (!mode) return null;
  return (
    <div class="banner banner-exercise" role="region" aria-labelledby="exercise-mode-text">
      <p id="exercise-mode-text">
        <strong>{t('exerciseMode.label')}</strong> {t('exerciseMode.text', { name: mode.name })}
      </p>
      <p>
        <a href={`/drills/${mode.exerciseId}`}>{t('exerciseMode.open')}</a>{' '}
        <button type="button" class="button button-secondary" onClick={() => setExerciseMode(null)}>
          {t('exerciseMode.leave')}
        </button>
      </p>
    </div>
  );
}
