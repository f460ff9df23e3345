// A form for an append-only ICS 213 record (the message, its reply): labelled text fields and 24-hour
// times in groups, checked with the kind's own validation before saving, each problem next to its field.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { JsonObject } from '../../../../domain/sync';
import { validateFields } from '../../../../domain/sync';
import type { RecordKind } from '../../../../domain/sync/record-kinds';
import { FormError } from '../../../components/form-error';
import { useAreaT } from '../../../i18n/use-t';
import { errorsByField, isoToLocal, type LabelKeys } from '../incident-helpers';
import { incidentsMessages, type IncidentsKey } from '../messages';
import { storedTime, TimeField, type TimeValue } from '../time-field';

export interface EntryField {
  field: string;
  label: IncidentsKey;
  control?: 'text' | 'textarea' | 'time';
  required?: boolean;
}

export interface EntryGroup {
  legend?: IncidentsKey;
  fields: EntryField[];
}

export function EntryForm(props: {
  idPrefix: string;
  kind: RecordKind;
  groups: EntryGroup[];
  /** Fields the form does not show (the incident, the message replied to). */
  base: JsonObject;
  submitLabel: string;
  labelledBy?: string;
  onSave: (fields: JsonObject) => Promise<{ message: string; fields?: Record<string, string> } | null>;
}) {
  const t = useAreaT(incidentsMessages);
  const all = props.groups.flatMap((group) => group.fields);
  const labels: LabelKeys = Object.fromEntries(all.map((f) => [f.field, f.label]));
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [times, setTimes] = useState<Record<string, TimeValue>>(() =>
    Object.fromEntries(
      all.filter((f) => f.control === 'time').map((f) => [f.field, isoToLocal(new Date().toISOString())]),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idOf = (f: EntryField) => `${props.idPrefix}-${f.field}${f.control === 'time' ? '-date' : ''}`;

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: JsonObject = { ...props.base };
    for (const f of all) {
      const value =
        f.control === 'time' ? storedTime(times[f.field]!) : (texts[f.field] ?? '').trim() || null;
      if (value !== null) fields[f.field] = value;
    }
    const next = errorsByField(t, validateFields(props.kind, fields, { op: 'append' }), labels);
    setErrors(next);
    setFormError(null);
    const firstBad = all.find((f) => next[f.field]);
    if (firstBad) {
      setFormError(t('common.fixErrors'));
      document.getElementById(idOf(firstBad))?.focus();
      return;
    }
    setBusy(true);
    const problem = await props.onSave(fields);
    setBusy(false);
    if (problem?.fields) setErrors(problem.fields);
    setFormError(problem?.message ?? null);
  };

  const control = (f: EntryField) => {
    const id = `${props.idPrefix}-${f.field}`;
    const error = errors[f.field];
    if (f.control === 'time')
      return (
        <TimeField
          key={f.field}
          id={id}
          label={t(f.label)}
          value={times[f.field]!}
          onChange={(value) => setTimes((v) => ({ ...v, [f.field]: value }))}
          error={error}
          required={f.required ?? false}
        />
      );
    const common = {
      id,
      value: texts[f.field] ?? '',
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': error ? `${id}-error` : undefined,
      'aria-required': f.required ? ('true' as const) : undefined,
      onInput: (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        const value = e.currentTarget.value;
        setTexts((v) => ({ ...v, [f.field]: value }));
      },
    };
    return (
      <div key={f.field} class={error ? 'field field-invalid' : 'field'}>
        <label for={id}>
          {t(f.label)}
          {f.required && <span class="muted"> {t('incidents.requiredMark')}</span>}
        </label>
        {error && (
          <p id={`${id}-error`} class="field-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        {f.control === 'textarea' ? (
          <textarea {...common} rows={6} />
        ) : (
          <input {...common} type="text" autoComplete="off" />
        )}
      </div>
    );
  };

  return (
    <form
      class="form incident-entry-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={props.labelledBy}
      aria-describedby={`${props.idPrefix}-form-error`}
    >
      {props.groups.map((group, i) =>
        group.legend ? (
          <fieldset key={i}>
            <legend>{t(group.legend)}</legend>
            {group.fields.map(control)}
          </fieldset>
        ) : (
          group.fields.map(control)
        ),
      )}
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('common.saving') : props.submitLabel}
      </button>
      <FormError id={`${props.idPrefix}-form-error`} message={formError} />
    </form>
  );
}
