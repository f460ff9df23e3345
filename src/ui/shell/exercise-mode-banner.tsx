// While this device is in exercise mode, or practises offline for an exercise (a simulated outage): a
// banner on every screen says so, in words, with the way out.
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t';
import {
  exerciseMode,
  setExerciseMode,
  subscribeExerciseMode,
  type ExerciseMode,
} from '../sync/exercise-mode';
import { setSimulatedOutage } from '../sync/simulated-outage';
import { useAppStore } from '../store/use-app-store';

export function useExerciseMode(): ExerciseMode | null {
  const [mode, setMode] = useState(exerciseMode);
  useEffect(() => subscribeExerciseMode(setMode), []);
  return mode;
}

export function ExerciseModeBanner() {
  const t = useT();
  const mode = useExerciseMode();
  const simulated = useAppStore((state) => state.simulatedOutage);
  return (
    <>
      {mode && <ModeBanner mode={mode} />}
      {simulated && (
        <div class="banner banner-exercise" role="region" aria-labelledby="simulated-outage-text">
          <p id="simulated-outage-text">
            <strong>{t('exerciseMode.label')}</strong> {t('exerciseMode.simulated')}
          </p>
          <button type="button" class="button button-secondary" onClick={() => setSimulatedOutage(false)}>
            {t('exerciseMode.endSimulated')}
          </button>
        </div>
      )}
    </>
  );
}

function ModeBanner({ mode }: { mode: ExerciseMode }) {
  const t = useT();
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
