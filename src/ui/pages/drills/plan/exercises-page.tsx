// /drills — every exercise on the device, running first, each labelled EXERCISE with its type, dates and
// status; managers and administrators get "New exercise" and "Start from a template", others read.
import { listExercises } from '../../../../storage/drill-queries';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useDatabase } from '../../../sync/use-sync-facts';
import { ExerciseBanner, ExerciseLabel } from '../exercise-banner';
import { canPlan } from './exercise-model';
import { drillsPlanMessages } from './messages';
import { datesLabel, statusLabel, typeLabel } from './plan-parts';

export function ExercisesPage() {
  const t = useAreaT(drillsPlanMessages);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const exercises = useLiveQuery(() => (db ? listExercises(db) : undefined), [db]);
  const planner = canPlan(user?.role);
  return (
    <div class="drills-page">
      <ExerciseBanner />
      <PageHeading title={t('drillsPlan.title')}>{t('drillsPlan.title')}</PageHeading>
      <p>{t('drillsPlan.intro')}</p>
      {planner ? (
        <p class="button-row">
          <a class="button" href="/drills/new">
            {t('drillsPlan.new')}
          </a>
          <a class="button button-secondary" href="/drills/templates">
            {t('drillsPlan.fromTemplate')}
          </a>
        </p>
      ) : (
        <p class="muted">{t('drillsPlan.readOnly')}</p>
      )}
      <section aria-labelledby="drills-list">
        <h2 id="drills-list">{t('drillsPlan.list.heading')}</h2>
        {exercises === undefined ? (
          <p class="muted">{t('app.loading')}</p>
        ) : exercises.length === 0 ? (
          <p class="empty-state">{t('drillsPlan.none')}</p>
        ) : (
          <ul class="drills-list">
            {exercises.map((exercise) => (
              <li key={exercise.id} data-exercise={exercise.id}>
                <ExerciseLabel /> <a href={`/drills/${exercise.id}`}>{String(exercise.fields.name ?? '')}</a>
                <br />
                <span class="muted">
                  {t('drillsPlan.list.entry', {
                    type: typeLabel(t, exercise.fields),
                    dates: datesLabel(t, exercise.fields),
                    status: statusLabel(t, exercise.fields),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
