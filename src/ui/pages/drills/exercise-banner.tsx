// The HSEEP "EXERCISE EXERCISE EXERCISE" banner every drills screen and printed drills page carries: the
// word as text (never colour alone), in a bordered band, with a note that says it is exercise material.
// Screen readers hear the word and the note once, not the word three times.
//
//   <ExerciseBanner />                       on a screen, in the reader's language
//   <ExerciseBanner name={exercise.name} />  with the exercise's name
//   <ExerciseBanner language="es" />         on a printed page in the document's language
import { useAreaT } from '../../i18n/use-t';
import { bannerMessages, bannerTIn } from './plan/banner/messages';
import '../../styles/drills.css';

export interface ExerciseBannerProps {
  /** The exercise's name, shown after the words. */
  name?: string;
  /** The language of a printed document; the screen's language when left out. */
  language?: 'en' | 'es';
  /** A smaller band, for a table's header or a second place on a page. */
  compact?: boolean;
}

export function ExerciseBanner({ name, language, compact = false }: ExerciseBannerProps) {
  const screenT = useAreaT(bannerMessages);
  const t = language ? bannerTIn(language) : screenT;
  const word = t('drills.banner.word');
  return (
    <div class={compact ? 'exercise-banner exercise-banner-compact' : 'exercise-banner'} role="note">
      <p class="exercise-banner-words">
        <strong aria-hidden="true">{`${word} · ${word} · ${word}`}</strong>
        <span class="visually-hidden">{word}</span>
      </p>
      <p class="exercise-banner-note">
        {name ? <span class="exercise-banner-name">{t('drills.banner.named', { name })} </span> : null}
        <span>{t('drills.banner.note')}</span>
      </p>
    </div>
  );
}

/** The word alone ("EXERCISE"/"EJERCICIO"), for a printed page's running header or a list label. */
export function useExerciseWord(language?: 'en' | 'es'): string {
  const screenT = useAreaT(bannerMessages);
  return (language ? bannerTIn(language) : screenT)('drills.banner.word');
}

/** An inline "EXERCISE" label (a bordered word) for list rows and headings. */
export function ExerciseLabel({ language }: { language?: 'en' | 'es' }) {
  return <strong class="exercise-label">{useExerciseWord(language)}</strong>;
}
