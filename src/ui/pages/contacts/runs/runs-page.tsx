// /contacts/runs — call-downs running now and closed ones (with how many were reached), and a start link
// for each call-down tree (/contacts/trees/:id/run/new).
import { useMemo } from 'preact/hooks';
import { listRuns, planOf } from '../../../../storage/run-queries';
import { listTrees } from '../../../../storage/tree-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { ExerciseToggle, useShowExercises, withoutExercises } from '../../../components/exercise-toggle';
import { PageHeading } from '../../../components/page-heading';
import { formatDateTime } from '../../../format/format-date-time';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useDatabase } from '../../../sync/use-sync-facts';
import { runsMessages, type RunsT } from './messages';
import { ExerciseLabel } from './run-page';
import '../../../styles/contact-runs.css';

export function RunsPage() {
  const t = useAreaT(runsMessages);
  const db = useDatabase();
  const runs = useLiveQuery(() => (db ? listRuns(db) : undefined), [db]);
  const trees = useLiveQuery(
    () => (db ? listTrees(db).then((summaries) => summaries.map((summary) => summary.tree)) : undefined),
    [db],
  );
  // Exercise call-downs stay out of the lists unless asked for (exercise data never mixes with real).
  const [showExercises, setShowExercises] = useShowExercises();
  const { visible, exercises } = useMemo(
    () => withoutExercises(runs ?? [], showExercises),
    [runs, showExercises],
  );
  const [active, closed] = useMemo(
    () => [
      visible.filter((run) => run.fields.status !== 'closed'),
      visible.filter((run) => run.fields.status === 'closed'),
    ],
    [visible],
  );
  if (runs === undefined || trees === undefined) return <p class="muted">{t('app.loading')}</p>;
  return (
    <>
      <PageHeading title={t('runs.title')}>{t('runs.title')}</PageHeading>
      <ExerciseToggle
        id="runs-show-exercises"
        shown={showExercises}
        count={exercises}
        onChange={setShowExercises}
      />
      <section aria-labelledby="runs-active">
        <h2 id="runs-active">{t('runs.active')}</h2>
        <RunList t={t} runs={active} empty={t('runs.noActive')} />
      </section>
      <section aria-labelledby="runs-start">
        <h2 id="runs-start">{t('runs.startHeading')}</h2>
        {trees.length === 0 ? (
          <p class="muted">{t('runs.noTrees')}</p>
        ) : (
          <ul class="run-list">
            {trees.map((tree) => (
              <li key={tree.id}>
                <a href={`/contacts/trees/${tree.id}/run/new`}>
                  {t('runs.startFrom', { tree: String(tree.fields.name ?? '') })}
                </a>
                <br />
                <span class="muted">
                  {t('runs.printLinks', { tree: String(tree.fields.name ?? '') })}
                </span>{' '}
                <a href={`/contacts/print/trees/${tree.id}`}>{t('runs.printTree')}</a> ·{' '}
                <a href={`/contacts/print/trees/${tree.id}/call-sheets`}>{t('runs.printSheets')}</a> ·{' '}
                <a href={`/contacts/print/trees/${tree.id}/ics205a`}>{t('runs.print205a')}</a>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/contacts/trees">{t('runs.treesLink')}</a>
        </p>
      </section>
      <section aria-labelledby="runs-closed">
        <h2 id="runs-closed">{t('runs.closed')}</h2>
        <RunList t={t} runs={closed} empty={t('runs.noClosed')} />
      </section>
    </>
  );
}

function RunList({ t, runs, empty }: { t: RunsT; runs: RecordView[]; empty: string }) {
  if (runs.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="run-list">
      {runs.map((run) => (
        <li key={run.id}>
          <a href={`/contacts/runs/${run.id}`}>{String(run.fields.treeName ?? '')}</a>{' '}
          <ExerciseLabel exercise={run.fields.exercise} />{' '}
          <span class="muted">
            {t('runs.summary', {
              time: formatDateTime(String(run.fields.startedAt), t.language),
              count: planOf(run).length,
            })}
          </span>
          {run.pending && <span class="muted"> · {t('runs.unsent')}</span>}
        </li>
      ))}
    </ul>
  );
}
