// Exercise mode for this device, switched from an exercise's pages: while on, the device writes exercise
// material only (src/domain/drills/exercise-guard.ts) and a banner says so on every screen.
import { useT } from '../../i18n/use-t';
import { useExerciseMode } from '../../shell/exercise-mode-banner';
import { setExerciseMode } from '../../sync/exercise-mode';

export function ExerciseModeSwitch({ exerciseId, name }: { exerciseId: string; name: string }) {
  const t = useT();
  const mode = useExerciseMode();
  const on = mode?.exerciseId === exerciseId;
  return (
    <p class="exercise-mode-switch">
      <input
        type="checkbox"
        id={`exercise-mode-${exerciseId}`}
        checked={on}
        onChange={(event) => setExerciseMode(event.currentTarget.checked ? { exerciseId, name } : null)}
      />{' '}
      <label for={`exercise-mode-${exerciseId}`}>{t('exerciseMode.enter')}</label>
      {on && <span class="muted"> {t('exerciseMode.on')}</span>}
    </p>
  );
}
