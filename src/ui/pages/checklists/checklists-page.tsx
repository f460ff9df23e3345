// /checklists — the checklists being worked (active first, EXERCISE labelled, "12 of 20 done") and closed
// ones, the checklists shipped with Holdfast (in the reader's language) and the organization's own
// templates, each with "Start a checklist" and "Print blank"; managers also copy and edit templates.
import { useMemo } from 'preact/hooks';
import { SHIPPED_TEMPLATES } from '../../../domain/checklists/shipped-templates';
import {
  listChecklistRuns,
  listChecklistTemplates,
  outlineOf,
  runsProgress,
} from '../../../storage/checklist-queries';
import type { RecordView } from '../../../storage/sync-queries';
import { ExerciseToggle, useShowExercises, withoutExercises } from '../../components/exercise-toggle';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../format/format-date-time';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useDatabase } from '../../sync/use-sync-facts';
import { canEditTemplates } from './checklist-model';
import { ChecklistExercise } from './checklist-parts';
import { checklistsMessages, type ChecklistsT } from './messages';
import '../../styles/checklists.css';

export function ChecklistsPage() {
  const t = useAreaT(checklistsMessages);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const runs = useLiveQuery(() => (db ? listChecklistRuns(db) : undefined), [db]);
  const progress = useLiveQuery(() => (db ? runsProgress(db) : undefined), [db]);
  const templates = useLiveQuery(() => (db ? listChecklistTemplates(db) : undefined), [db]);
  const archived = useLiveQuery(
    () =>
      db
        ? listChecklistTemplates(db, { archived: true }).then((all) =>
            all.filter((x) => x.fields.archived === true),
          )
        : undefined,
    [db],
  );
  // Exercise checklists stay out of the lists unless asked for (exercise data never mixes with real).
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
  if (runs === undefined || templates === undefined) return <p class="muted">{t('app.loading')}</p>;
  const manager = canEditTemplates(user?.role);
  const language = t.language;
  return (
    <div class="checklists-page">
      <PageHeading title={t('checklists.title')}>{t('checklists.title')}</PageHeading>
      <ExerciseToggle
        id="checklists-show-exercises"
        shown={showExercises}
        count={exercises}
        onChange={setShowExercises}
      />
      <section aria-labelledby="checklists-active">
        <h2 id="checklists-active">{t('checklists.runs.active')}</h2>
        <RunList t={t} runs={active} progress={progress} empty={t('checklists.runs.noActive')} />
      </section>

      <section aria-labelledby="checklists-shipped">
        <h2 id="checklists-shipped">{t('checklists.shipped.heading')}</h2>
        <p class="muted">{t('checklists.shipped.intro')}</p>
        <ul class="checklist-templates">
          {SHIPPED_TEMPLATES.map((template) => {
            const title = template.title[language];
            return (
              <li key={template.key} data-template={template.key}>
                <strong>{title}</strong>{' '}
                <span class="muted">{t('checklists.count', { count: template.items.length })}</span>
                <br />
                <a
                  href={`/checklists/runs/new?shipped=${encodeURIComponent(template.key)}`}
                  aria-label={t('checklists.startNamed', { title })}
                >
                  {t('checklists.start')}
                </a>
                {' · '}
                <a
                  href={`/checklists/print/template/${encodeURIComponent(template.key)}?lang=${language}`}
                  aria-label={t('checklists.printBlankNamed', { title })}
                >
                  {t('checklists.printBlank')}
                </a>
                {manager && (
                  <>
                    {' · '}
                    <a
                      href={`/checklists/templates/new?from=${encodeURIComponent(template.key)}`}
                      aria-label={t('checklists.copyNamed', { title })}
                    >
                      {t('checklists.copy')}
                    </a>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="checklists-own">
        <h2 id="checklists-own">{t('checklists.own.heading')}</h2>
        {templates.length === 0 ? (
          <p class="muted">{t('checklists.own.none')}</p>
        ) : (
          <ul class="checklist-templates">
            {templates.map((template) => {
              const title = String(template.fields.title ?? '');
              return (
                <li key={template.id} data-template={template.id}>
                  <strong>{title}</strong>{' '}
                  <span class="muted">
                    {t('checklists.count', { count: outlineOf(template).items.length })} ·{' '}
                    {t('checklists.own.version', { version: Number(template.fields.version ?? 1) })}
                    {template.pending && <> · {t('checklists.unsent')}</>}
                  </span>
                  <br />
                  <a
                    href={`/checklists/runs/new?template=${template.id}`}
                    aria-label={t('checklists.startNamed', { title })}
                  >
                    {t('checklists.start')}
                  </a>
                  {' · '}
                  <a
                    href={`/checklists/print/template/${template.id}`}
                    aria-label={t('checklists.printBlankNamed', { title })}
                  >
                    {t('checklists.printBlank')}
                  </a>
                  {' · '}
                  <a
                    href={`/checklists/templates/${template.id}`}
                    aria-label={t(manager ? 'checklists.editNamed' : 'checklists.viewNamed', { title })}
                  >
                    {t(manager ? 'checklists.edit' : 'checklists.view')}
                  </a>
                </li>
              );
            })}
          </ul>
        )}
        {manager && archived && archived.length > 0 && (
          <>
            <h3 id="checklists-archived">{t('checklists.own.archived')}</h3>
            <ul class="checklist-templates" aria-labelledby="checklists-archived">
              {archived.map((template) => (
                <li key={template.id}>
                  <a href={`/checklists/templates/${template.id}`}>{String(template.fields.title ?? '')}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        {manager && (
          <p>
            <a class="button" href="/checklists/templates/new">
              {t('checklists.own.new')}
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="checklists-closed">
        <h2 id="checklists-closed">{t('checklists.runs.closed')}</h2>
        <RunList t={t} runs={closed} progress={progress} empty={t('checklists.runs.noClosed')} />
      </section>
    </div>
  );
}

function RunList({
  t,
  runs,
  progress,
  empty,
}: {
  t: ChecklistsT;
  runs: RecordView[];
  progress: Map<string, { done: number; total: number }> | undefined;
  empty: string;
}) {
  if (runs.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="checklist-runs">
      {runs.map((run) => {
        const counts = progress?.get(run.id) ?? { done: 0, total: outlineOf(run).items.length };
        return (
          <li key={run.id} data-run={run.id}>
            <a href={`/checklists/runs/${run.id}`}>{String(run.fields.title ?? '')}</a>{' '}
            <ChecklistExercise exercise={run.fields.exercise} />{' '}
            <span class="muted">
              <span class="checklist-run-progress">{t('checklists.runs.progress', counts)}</span> ·{' '}
              {t('checklists.runs.started', {
                time: formatDateTime(String(run.fields.startedAt), t.language),
              })}
              {run.pending && <> · {t('checklists.unsent')}</>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
