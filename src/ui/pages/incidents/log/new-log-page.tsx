// A new ICS 214 activity log for an incident: its operational period, the person or unit, ICS position,
// home agency and the resources assigned. Written on this device at once; works offline.
import type { JSX } from 'preact';
import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { activityLogKind } from '../../../../domain/incidents/incident-kinds';
import type { JsonObject } from '../../../../domain/sync';
import { validateFields } from '../../../../domain/sync';
import { getRecord } from '../../../../storage';
import { listPeriods } from '../../../../storage/incident-queries';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { writeChange } from '../../../sync/write-change';
import { ExerciseBadge } from '../exercise-badge';
import { canWriteKind } from './log-access';
import { clockText } from './log-time';
import { authorNameOf, fieldErrorText, writeProblem } from './log-write';
import { logMessages, type LogT } from './messages';
import { namelessRows, ResourcesEditor, storedResources, type ResourceRow } from './resources-editor';
import '../../../styles/incident-log.css';

export function NewLogPage() {
  const t = useAreaT(logMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const incidentId = params.id ?? '';
  const incident = useLiveQuery(() => (db ? getRecord(db, incidentId) : undefined), [db, incidentId]);
  const periods = useLiveQuery(() => (db ? listPeriods(db, incidentId) : undefined), [db, incidentId]);

  if (incident === undefined || periods === undefined || !user)
    return <p class="muted">{t('app.loading')}</p>;
  const back = (
    <p>
      <a href={`/incidents/${incidentId}`}>{t('activityLog.backToIncident')}</a>
    </p>
  );
  if (!incident || incident.kind !== 'incident' || incident.deleted)
    return (
      <>
        <PageHeading title={t('activityLog.newTitle')}>{t('activityLog.newTitle')}</PageHeading>
        <p class="empty-state">{t('activityLog.incidentNotFound')}</p>
        <p>
          <a href="/incidents">{t('nav.incidents')}</a>
        </p>
      </>
    );

  const name = String(incident.fields.name ?? '');
  return (
    <>
      <PageHeading title={t('activityLog.newTitle')}>{t('activityLog.newTitle')}</PageHeading>
      <p class="log-incident-line">
        <strong>{name}</strong> <ExerciseBadge exercise={incident.fields.exercise} long />
      </p>
      <p>{t('activityLog.newIntro')}</p>
      {!canWriteKind(user, activityLogKind, incident.dept) ? (
        <p class="empty-state">{t('activityLog.notMember')}</p>
      ) : periods.length === 0 ? (
        <div class="empty-state">
          <p>{t('activityLog.noPeriod')}</p>
          <p>
            <a href={`/incidents/${incidentId}`}>{t('activityLog.addPeriodLink')}</a>
          </p>
        </div>
      ) : (
        <NewLogForm
          t={t}
          incidentId={incidentId}
          dept={incident.dept}
          periods={periods}
          defaultName={authorNameOf(user)}
        />
      )}
      {back}
    </>
  );
}

function NewLogForm(props: {
  t: LogT;
  incidentId: string;
  dept: string;
  periods: { id: string; fields: JsonObject }[];
  defaultName: string;
}) {
  const { t } = props;
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  // The latest period is the one most logs are opened for.
  const [periodId, setPeriodId] = useState(props.periods[props.periods.length - 1]?.id ?? '');
  const [name, setName] = useState(props.defaultName);
  const [icsPosition, setIcsPosition] = useState('');
  const [homeAgency, setHomeAgency] = useState('');
  const [resources, setResources] = useState<ResourceRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [badRows, setBadRows] = useState<number[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: JsonObject = { incidentId: props.incidentId, periodId, name: name.trim() };
    if (icsPosition.trim()) fields.icsPosition = icsPosition.trim();
    if (homeAgency.trim()) fields.homeAgency = homeAgency.trim();
    const rows = storedResources(resources);
    if (rows.length > 0) fields.resources = rows;
    const found: Record<string, string> = {};
    for (const error of validateFields(activityLogKind, fields, { op: 'create' }))
      found[error.field] ??= fieldErrorText(t, error);
    const nameless = namelessRows(resources);
    setErrors(found);
    setBadRows(nameless);
    const first = Object.keys(found)[0];
    if (first || nameless.length > 0) {
      setFormError(t('common.fixErrors'));
      const target = first ? `log-${first}` : `log-resource-${nameless[0]}-name`;
      document.getElementById(target)?.focus();
      return;
    }
    setBusy(true);
    const id = uuidv7();
    const result = await writeChange('record.create', {
      kind: 'activity_log',
      id,
      dept: props.dept,
      fields,
    });
    setBusy(false);
    const problem = writeProblem(t, result);
    if (problem) {
      setErrors(problem.fields);
      setFormError(problem.message);
      return;
    }
    announce(t('activityLog.created'));
    route(`/incidents/${props.incidentId}/logs/${id}`);
  };

  const field = (
    id: string,
    label: string,
    value: string,
    set: (value: string) => void,
    opts: { required?: boolean; hint?: string } = {},
  ) => {
    const error = errors[id];
    const describedBy =
      [opts.hint && `log-${id}-hint`, error && `log-${id}-error`].filter(Boolean).join(' ') || undefined;
    return (
      <div class={error ? 'field field-invalid' : 'field'}>
        <label for={`log-${id}`}>
          {label}
          {opts.required && <span class="muted"> {t('activityLog.requiredMark')}</span>}
        </label>
        {opts.hint && (
          <p id={`log-${id}-hint`} class="field-hint">
            {opts.hint}
          </p>
        )}
        {error && (
          <p id={`log-${id}-error`} class="field-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        <input
          id={`log-${id}`}
          type="text"
          value={value}
          maxLength={200}
          autoComplete="off"
          aria-required={opts.required ? 'true' : undefined}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(e) => set(e.currentTarget.value)}
        />
      </div>
    );
  };

  return (
    <form class="form log-form" onSubmit={onSubmit} noValidate aria-describedby="log-form-error">
      <div class={errors.periodId ? 'field field-invalid' : 'field'}>
        <label for="log-periodId">
          {t('activityLog.field.period')}
          <span class="muted"> {t('activityLog.requiredMark')}</span>
        </label>
        {errors.periodId && (
          <p id="log-periodId-error" class="field-error">
            <span aria-hidden="true">⚠ </span>
            {errors.periodId}
          </p>
        )}
        <select
          id="log-periodId"
          value={periodId}
          aria-describedby={errors.periodId ? 'log-periodId-error' : undefined}
          onChange={(e) => setPeriodId(e.currentTarget.value)}
        >
          {props.periods.map((period) => (
            <option key={period.id} value={period.id}>
              {t('activityLog.periodOption', {
                number: String(period.fields.number ?? ''),
                from: clockText(period.fields.startsAt),
                to: clockText(period.fields.endsAt),
              })}
            </option>
          ))}
        </select>
      </div>
      {field('name', t('activityLog.field.name'), name, setName, { required: true })}
      {field('icsPosition', t('activityLog.field.icsPosition'), icsPosition, setIcsPosition, {
        hint: t('activityLog.hint.icsPosition'),
      })}
      {field('homeAgency', t('activityLog.field.homeAgency'), homeAgency, setHomeAgency)}
      <ResourcesEditor
        t={t}
        idPrefix="log-resource"
        rows={resources}
        onChange={setResources}
        invalidRows={badRows}
      />
      <FormError id="log-form-error" message={formError} />
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('common.saving') : t('activityLog.create')}
      </button>
    </form>
  );
}
