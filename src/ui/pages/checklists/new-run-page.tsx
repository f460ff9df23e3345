// /checklists/runs/new?shipped=<key> or ?template=<id> — start a checklist from a template, on this device
// at once (no network needed). The run keeps the template's sections and items as they are now and the
// version they came from, so later edits never change a checklist already being worked. A run linked to
// an exercise incident is an exercise run; without an incident the starter says whether it is one.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import type { ChecklistLanguage } from '../../../domain/checklists/checklist-kinds';
import { shippedTemplate } from '../../../domain/checklists/shipped-templates';
import { outlineOf } from '../../../storage/checklist-queries';
import { listIncidents } from '../../../storage/incident-queries';
import { getRecord } from '../../../storage/sync-queries';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { writeChange } from '../../sync/write-change';
import { runFields, type RunSource } from './checklist-model';
import { writeProblem } from './checklist-parts';
import { checklistsMessages } from './messages';
import '../../styles/checklists.css';

export function NewRunPage() {
  const t = useAreaT(checklistsMessages);
  const { query, route } = useLocation();
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const shippedKey = query.shipped ?? '';
  const templateId = query.template ?? '';
  const own = useLiveQuery(
    () => (db && templateId ? getRecord(db, templateId).then((r) => r ?? null) : null),
    [db, templateId],
  );
  const incidents = useLiveQuery(() => (db ? listIncidents(db) : undefined), [db]);

  if (own === undefined || incidents === undefined || !user) return <p class="muted">{t('app.loading')}</p>;
  const shipped = shippedKey ? shippedTemplate(shippedKey) : undefined;
  let source: RunSource | null = null;
  if (shipped) source = { type: 'shipped', template: shipped };
  else if (own && !own.deleted && own.kind === 'checklist_template')
    source = {
      type: 'own',
      id: own.id,
      title: String(own.fields.title ?? ''),
      language: own.fields.language === 'es' ? 'es' : 'en',
      version: Number(own.fields.version ?? 1),
      ...outlineOf(own),
    };
  if (!source)
    return (
      <>
        <PageHeading title={t('checklists.new.title')}>{t('checklists.new.title')}</PageHeading>
        <p class="empty-state">{t('checklists.new.templateMissing')}</p>
        <p>
          <a href="/checklists">{t('checklists.back')}</a>
        </p>
      </>
    );
  const active = incidents.filter((incident) => incident.fields.status !== 'closed');
  return (
    <NewRunForm
      source={source}
      incidents={active.map((incident) => ({
        id: incident.id,
        name: String(incident.fields.name ?? ''),
        dept: incident.dept,
        exercise: incident.fields.exercise === true,
      }))}
      departments={user.departments}
      startedBy={user.displayName}
      initialIncident={query.incident ?? ''}
      onStarted={(id) => route(`/checklists/runs/${id}`)}
    />
  );
}

function NewRunForm({
  source,
  incidents,
  departments,
  startedBy,
  initialIncident,
  onStarted,
}: {
  source: RunSource;
  incidents: { id: string; name: string; dept: string; exercise: boolean }[];
  departments: readonly string[];
  startedBy: string;
  initialIncident: string;
  onStarted: (id: string) => void;
}) {
  const t = useAreaT(checklistsMessages);
  const announce = useAppStore((state) => state.announce);
  const templateTitle = (language: ChecklistLanguage) =>
    source.type === 'shipped' ? source.template.title[language] : source.title;
  const [language, setLanguage] = useState<ChecklistLanguage>(
    source.type === 'shipped' ? t.language : source.language,
  );
  const [title, setTitle] = useState(() => templateTitle(language));
  const [titleTouched, setTitleTouched] = useState(false);
  const [incidentId, setIncidentId] = useState(
    incidents.some((i) => i.id === initialIncident) ? initialIncident : '',
  );
  const [chosenExercise, setChosenExercise] = useState(false);
  const [dept, setDept] = useState(departments[0] ?? '');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const incident = incidents.find((i) => i.id === incidentId);
  const exercise = incident ? incident.exercise : chosenExercise;

  const onLanguage = (next: ChecklistLanguage) => {
    setLanguage(next);
    if (!titleTouched) setTitle(templateTitle(next));
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!title.trim()) {
      setTitleError(t('checklists.new.nameRequired'));
      document.getElementById('run-title')?.focus();
      return;
    }
    setTitleError(null);
    setBusy(true);
    const id = uuidv7();
    const result = await writeChange('record.create', {
      kind: 'checklist_run',
      id,
      dept: incident && departments.includes(incident.dept) ? incident.dept : dept,
      fields: runFields(source, {
        title,
        language,
        incidentId: incident?.id,
        exercise,
        startedAt: new Date().toISOString(),
        startedBy: startedBy || '—',
      }),
    });
    setBusy(false);
    const problem = writeProblem(t, result);
    setFormError(problem);
    if (problem) return;
    announce(t('checklists.new.started'));
    onStarted(id);
  };

  return (
    <>
      <PageHeading title={t('checklists.new.title')}>{t('checklists.new.title')}</PageHeading>
      <p>{t('checklists.new.from', { title: templateTitle(language) })}</p>
      {departments.length === 0 && !incident ? (
        <p class="empty-state">{t('checklists.new.noDepartment')}</p>
      ) : null}
      <form class="form" onSubmit={onSubmit} noValidate aria-describedby="run-form-error">
        <div class={titleError ? 'field field-invalid' : 'field'}>
          <label for="run-title">{t('checklists.new.name')}</label>
          <p id="run-title-hint" class="field-hint">
            {t('checklists.new.nameHint')}
          </p>
          {titleError && (
            <p id="run-title-error" class="field-error">
              <span aria-hidden="true">⚠ </span>
              {titleError}
            </p>
          )}
          <input
            id="run-title"
            type="text"
            value={title}
            required
            maxLength={200}
            aria-invalid={titleError ? 'true' : undefined}
            aria-describedby={titleError ? 'run-title-hint run-title-error' : 'run-title-hint'}
            onInput={(event) => {
              setTitle(event.currentTarget.value);
              setTitleTouched(true);
            }}
          />
        </div>
        {source.type === 'shipped' && (
          <div class="field">
            <label for="run-language">{t('checklists.new.language')}</label>
            <select
              id="run-language"
              value={language}
              onChange={(event) => onLanguage(event.currentTarget.value === 'es' ? 'es' : 'en')}
            >
              <option value="en">{t('checklists.language.en')}</option>
              <option value="es">{t('checklists.language.es')}</option>
            </select>
          </div>
        )}
        <div class="field">
          <label for="run-incident">{t('checklists.new.incident')}</label>
          <p id="run-incident-hint" class="field-hint">
            {t('checklists.new.incidentHint')}
          </p>
          <select
            id="run-incident"
            value={incidentId}
            aria-describedby="run-incident-hint"
            onChange={(event) => setIncidentId(event.currentTarget.value)}
          >
            <option value="">{t('checklists.new.noIncident')}</option>
            {incidents.map((i) => (
              <option key={i.id} value={i.id}>
                {i.exercise ? t('checklists.new.incidentExercise', { name: i.name }) : i.name}
              </option>
            ))}
          </select>
        </div>
        {(!incident || !departments.includes(incident.dept)) && departments.length > 1 && (
          <div class="field">
            <label for="run-dept">{t('checklists.new.department')}</label>
            <select id="run-dept" value={dept} onChange={(event) => setDept(event.currentTarget.value)}>
              {departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
        )}
        {incident ? (
          incident.exercise && (
            <p>
              <span class="exercise-badge">
                <strong>{t('checklists.exercise')}</strong> <span>{t('checklists.exerciseNote')}</span>
              </span>
            </p>
          )
        ) : (
          <div class="field field-check">
            <input
              id="run-exercise"
              type="checkbox"
              checked={chosenExercise}
              onChange={(event) => setChosenExercise(event.currentTarget.checked)}
            />
            <label for="run-exercise">{t('checklists.new.exercise')}</label>
          </div>
        )}
        <button type="submit" class="button" disabled={busy || (!incident && departments.length === 0)}>
          {busy ? t('common.saving') : t('checklists.new.start')}
        </button>
        <FormError id="run-form-error" message={formError} />
      </form>
      <p>
        <a href="/checklists">{t('checklists.back')}</a>
      </p>
    </>
  );
}
