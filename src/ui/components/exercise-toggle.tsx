// Real lists leave exercise material out unless the reader asks for it (issue 8: exercise data never mixes
// with real). One switch for every list, kept for the browser session: "Show exercises (3)".
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t';

const KEY = 'holdfast.showExercises';
const listeners = new Set<(shown: boolean) => void>();

function readShown(): boolean {
  try {
    return sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether exercise material is shown in real lists, and a setter every list on screen follows. */
export function useShowExercises(): [boolean, (shown: boolean) => void] {
  const [shown, setShown] = useState(readShown);
  useEffect(() => {
    listeners.add(setShown);
    return () => void listeners.delete(setShown);
  }, []);
  const set = (next: boolean) => {
    try {
      sessionStorage.setItem(KEY, next ? '1' : '0');
    } catch {
      // Private mode without storage: the switch still works for this page.
    }
    for (const listener of listeners) listener(next);
  };
  return [shown, set];
}

/** What a real list shows, and how many exercise records the list holds (shown or not). */
export function withoutExercises<T extends { fields: Record<string, unknown> }>(
  records: readonly T[],
  shown: boolean,
): { visible: T[]; exercises: number } {
  const real = records.filter((record) => record.fields.exercise !== true);
  return { visible: shown ? [...records] : real, exercises: records.length - real.length };
}

/** The switch: only when the list holds exercise material. */
export function ExerciseToggle(props: {
  id: string;
  shown: boolean;
  count: number;
  onChange: (shown: boolean) => void;
}) {
  const t = useT();
  if (props.count === 0) return null;
  return (
    <p class="exercise-toggle">
      <input
        type="checkbox"
        id={props.id}
        checked={props.shown}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />{' '}
      <label for={props.id}>{t('exercise.show', { count: props.count })}</label>
    </p>
  );
}
