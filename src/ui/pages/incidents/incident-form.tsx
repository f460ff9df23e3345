// The incident form (new and edit details): checks the values with the domain's own validation before
// saving and shows each problem next to its field. Whether it is an exercise is chosen only when the
// incident is opened; editing shows it as fixed.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import {
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  incidentKind,
} from '../../../domain/incidents/incident-kinds';
import type { JsonObject, JsonValue } from '../../../domain/sync';
import { validateFields } from '../../../domain/sync';
import { FormError } from '../../components/form-error';
import { useAreaT } from '../../i18n/use-t';
import { errorsByField, isoToLocal, parseDepartments, text, type LabelKeys } from './incident-helpers';
import { severityKey, statusKey, typeKey } from './labels';
import { incidentsMessages, type IncidentsKey } from './messages';
import { storedTime, TimeField, type TimeValue } from './time-field';

export interface IncidentValues {
  name: string;
  number: string;
  incidentType: string;
  severity: string;
  status: string;
  location: string;
  startedAt: TimeValue;
  closedAt: TimeValue;
  departments: string;
  description: string;
  exercise: boolean;
  dept: string;
}

type TextField = 'name' | 'number' | 'location' | 'description';

export const INCIDENT_LABELS: LabelKeys = {
  name: 'incidents.field.name',
  number: 'incidents.field.number',
  incidentType: 'incidents.field.incidentType',
  severity: 'incidents.field.severity',
  status: 'incidents.field.status',
  location: 'incidents.field.location',
  startedAt: 'incidents.field.startedAt',
  closedAt: 'incidents.field.closedAt',
  departments: 'incidents.field.departments',
  description: 'incidents.field.description',
};

/** The form's values from stored fields (or the defaults of a new incident). */
export function incidentValues(fields: JsonObject, dept: string): IncidentValues {
  const departments = Array.isArray(fields.departments) ? fields.departments.map(String).join(', ') : '';
  return {
    name: text(fields.name),
    number: text(fields.number),
    incidentType: text(fields.incidentType),
    severity: text(fields.severity),
    status: text(fields.status) || 'active',
    location: text(fields.location),
    startedAt: isoToLocal(fields.startedAt),
    closedAt: isoToLocal(fields.closedAt),
    departments,
    description: text(fields.description),
    exercise: fields.exercise === true,
    dept,
  };
}

/** The stored fields the values make: everything set (create) or only what changed (update). */
export function incidentFields(
  values: IncidentValues,
  mode: 'create' | 'update',
  started: IncidentValues,
  now: string,
): JsonObject {
  const all: Record<string, JsonValue> = {
    name: values.name.trim() || null,
    number: values.number.trim() || null,
    incidentType: values.incidentType || null,
    severity: values.severity || null,
    status: values.status,
    location: values.location.trim() || null,
    startedAt: storedTime(values.startedAt),
    departments: parseDepartments(values.departments),
    description: values.description.trim() || null,
  };
  if (mode === 'create') {
    const fields: JsonObject = { exercise: values.exercise };
    for (const [key, value] of Object.entries(all)) if (value !== null) fields[key] = value;
    if (Array.isArray(fields.departments) && fields.departments.length === 0) delete fields.departments;
    return fields;
  }
  all.closedAt = storedTime(values.closedAt);
  // Closing an incident without a closing time closes it now.
  if (values.status === 'closed' && started.status !== 'closed' && all.closedAt === null) all.closedAt = now;
  const before = incidentFields(started, 'create', started, now);
  before.closedAt = storedTime(started.closedAt);
  const changed: JsonObject = {};
  for (const [key, value] of Object.entries(all)) {
    const previous = before[key] ?? null;
    if (JSON.stringify(previous) !== JSON.stringify(value)) changed[key] = value;
  }
  return changed;
}

export function IncidentForm(props: {
  mode: 'create' | 'update';
  initial: IncidentValues;
  /** The stored fields being edited, so validation sees the whole incident after the change. */
  previous?: JsonObject;
  /** Offered for a new incident when the user belongs to several departments. */
  departments?: string[];
  submitLabel: string;
  /** Saves the fields (create: all set fields; update: the changed ones); returns a problem or null. */
  onSave: (
    fields: JsonObject,
    values: IncidentValues,
  ) => Promise<{ message: string; fields?: Record<string, string> } | null>;
}) {
  const t = useAreaT(incidentsMessages);
  const [started] = useState(props.initial);
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof IncidentValues>(field: K, value: IncidentValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const idOf = (field: string) =>
    field === 'startedAt' || field === 'closedAt' ? `incident-${field}-date` : `incident-${field}`;

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const now = new Date().toISOString();
    const fields = incidentFields(values, props.mode, started, now);
    const whole = props.mode === 'create' ? fields : { ...props.previous, ...fields };
    const problems = validateFields(
      incidentKind,
      whole,
      props.mode === 'create' ? { op: 'create' } : { op: 'update', previous: props.previous ?? {} },
      Object.keys(fields),
    );
    const next = errorsByField(t, problems, INCIDENT_LABELS);
    setErrors(next);
    setFormError(null);
    const firstBad = Object.keys(next)[0];
    if (firstBad) {
      setFormError(t('common.fixErrors'));
      document.getElementById(idOf(firstBad))?.focus();
      return;
    }
    setBusy(true);
    const problem = await props.onSave(fields, values);
    setBusy(false);
    if (problem?.fields) setErrors(problem.fields);
    setFormError(problem?.message ?? null);
  };

  const described = (field: string, hint?: boolean) =>
    [hint && `incident-${field}-hint`, errors[field] && `incident-${field}-error`]
      .filter(Boolean)
      .join(' ') || undefined;

  const errorLine = (field: string) =>
    errors[field] ? (
      <p id={`incident-${field}-error`} class="field-error">
        <span aria-hidden="true">⚠ </span>
        {errors[field]}
      </p>
    ) : null;

  const label = (field: string, key: IncidentsKey, required = false) => (
    <label for={`incident-${field}`}>
      {t(key)}
      {required && <span class="muted"> {t('incidents.requiredMark')}</span>}
    </label>
  );

  const textInput = (field: TextField, required = false) => (
    <div class={errors[field] ? 'field field-invalid' : 'field'}>
      {label(field, INCIDENT_LABELS[field]!, required)}
      {errorLine(field)}
      {field === 'description' ? (
        <textarea
          id="incident-description"
          rows={4}
          value={values.description}
          aria-invalid={errors[field] ? 'true' : undefined}
          aria-describedby={described(field)}
          onInput={(e) => set('description', e.currentTarget.value)}
        />
      ) : (
        <input
          id={`incident-${field}`}
          type="text"
          autoComplete="off"
          value={values[field]}
          aria-required={required ? 'true' : undefined}
          aria-invalid={errors[field] ? 'true' : undefined}
          aria-describedby={described(field)}
          onInput={(e) => set(field, e.currentTarget.value)}
        />
      )}
    </div>
  );

  const select = (
    field: 'incidentType' | 'severity' | 'status',
    options: readonly string[],
    keyOf: (value: string) => string,
    required: boolean,
  ) => (
    <div class={errors[field] ? 'field field-invalid' : 'field'}>
      {label(field, INCIDENT_LABELS[field]!, required)}
      {errorLine(field)}
      <select
        id={`incident-${field}`}
        value={values[field]}
        aria-required={required ? 'true' : undefined}
        aria-invalid={errors[field] ? 'true' : undefined}
        aria-describedby={described(field)}
        onChange={(e) => set(field, e.currentTarget.value)}
      >
        {field !== 'status' && <option value="">{t('incidents.none')}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {t(keyOf(option) as IncidentsKey)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form class="form incident-form" onSubmit={onSubmit} noValidate aria-describedby="incident-form-error">
      <fieldset>
        <legend>{t('incidents.form.group.what')}</legend>
        {textInput('name', true)}
        {textInput('number')}
        {select('incidentType', INCIDENT_TYPES, typeKey, true)}
        {select('severity', INCIDENT_SEVERITIES, severityKey, true)}
        {select('status', INCIDENT_STATUSES, statusKey, true)}
        {props.mode === 'create' ? (
          <fieldset class="incident-exercise" aria-describedby="incident-exercise-hint">
            <legend>{t('incidents.form.exercise.legend')}</legend>
            <p id="incident-exercise-hint" class="field-hint">
              {t('incidents.form.exercise.hint')}
            </p>
            <label class="choice">
              <input
                type="radio"
                name="incident-exercise"
                checked={!values.exercise}
                onChange={() => set('exercise', false)}
              />{' '}
              {t('incidents.form.exercise.real')}
            </label>
            <label class="choice">
              <input
                type="radio"
                name="incident-exercise"
                checked={values.exercise}
                onChange={() => set('exercise', true)}
              />{' '}
              {t('incidents.form.exercise.yes')}
            </label>
          </fieldset>
        ) : (
          <p class="incident-exercise-fixed">
            {t(
              values.exercise ? 'incidents.form.exercise.fixedExercise' : 'incidents.form.exercise.fixedReal',
            )}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('incidents.form.group.where')}</legend>
        {textInput('location')}
        <TimeField
          id="incident-startedAt"
          label={t('incidents.field.startedAt')}
          value={values.startedAt}
          onChange={(value) => set('startedAt', value)}
          error={errors.startedAt}
          required
        />
        {props.mode === 'update' && (
          <TimeField
            id="incident-closedAt"
            label={t('incidents.field.closedAt')}
            value={values.closedAt}
            onChange={(value) => set('closedAt', value)}
            error={errors.closedAt}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>{t('incidents.form.group.who')}</legend>
        {props.departments && props.departments.length > 1 && (
          <div class="field">
            <label for="incident-dept">{t('incidents.field.dept')}</label>
            <select
              id="incident-dept"
              value={values.dept}
              onChange={(e) => set('dept', e.currentTarget.value)}
            >
              {props.departments.map((dept) => (
                <option key={dept} value={dept}>
                  {dept}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class={errors.departments ? 'field field-invalid' : 'field'}>
          {label('departments', 'incidents.field.departments')}
          <p id="incident-departments-hint" class="field-hint">
            {t('incidents.form.hint.departments')}
          </p>
          {errorLine('departments')}
          <input
            id="incident-departments"
            type="text"
            autoComplete="off"
            value={values.departments}
            aria-invalid={errors.departments ? 'true' : undefined}
            aria-describedby={described('departments', true)}
            onInput={(e) => set('departments', e.currentTarget.value)}
          />
        </div>
        {textInput('description')}
      </fieldset>
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('common.saving') : props.submitLabel}
      </button>
      <FormError id="incident-form-error" message={formError} />
    </form>
  );
}
