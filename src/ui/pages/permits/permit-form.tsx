// The permit form (new and edit): every editable field, grouped as a clerk reads an application. It checks
// the values with the domain's own validation before saving and shows each problem next to its field.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import {
  NEW_PERMIT_STATUSES,
  PERMIT_EDITABLE_FIELDS,
  permitKind,
} from '../../../domain/permits/permit-kinds';
import type { JsonObject, JsonValue } from '../../../domain/sync';
import { validateFields } from '../../../domain/sync';
import { FormError } from '../../components/form-error';
import { isoToLocal, localToIso } from '../../format/local-time';
import { useAreaT } from '../../i18n/use-t';
import { permitsMessages, type PermitsKey } from './messages';
import {
  centsToInput,
  DEPLOYMENT_CURRENCY,
  errorsByField,
  fieldLabelKey,
  parseMoney,
  statusKey,
  text,
} from './permit-helpers';

type EditableField = (typeof PERMIT_EDITABLE_FIELDS)[number];
type Control = 'text' | 'textarea' | 'email' | 'tel' | 'date' | 'money' | 'datetime';

const CONTROLS: Partial<Record<EditableField, Control>> = {
  description: 'textarea',
  notes: 'textarea',
  applicantEmail: 'email',
  contractorEmail: 'email',
  applicantPhone: 'tel',
  contractorPhone: 'tel',
  valuationCents: 'money',
  appliedDate: 'date',
  issuedDate: 'date',
  finaledDate: 'date',
  expiryDate: 'date',
  paperReceivedAt: 'datetime',
};

const REQUIRED: readonly string[] = ['permitType', 'description', 'address', 'applicantName', 'appliedDate'];

const GROUPS: { legend: PermitsKey; fields: EditableField[] }[] = [
  { legend: 'permits.group.work', fields: ['permitType', 'workClass', 'description', 'valuationCents'] },
  { legend: 'permits.group.place', fields: ['address', 'parcel'] },
  { legend: 'permits.group.applicant', fields: ['applicantName', 'applicantPhone', 'applicantEmail'] },
  {
    legend: 'permits.group.contractor',
    fields: ['contractorName', 'contractorPhone', 'contractorEmail', 'contractorLicense'],
  },
  { legend: 'permits.group.dates', fields: ['appliedDate', 'issuedDate', 'finaledDate', 'expiryDate'] },
  { legend: 'permits.group.notes', fields: ['notes'] },
  { legend: 'permits.group.paper', fields: ['paperCode', 'paperReceivedAt'] },
];

/** A date and time field's value in the form: the local date and the 24-hour time, "2026-03-02 14:05". */
const joinLocal = ({ date, time }: { date: string; time: string }) => (date || time ? `${date} ${time}` : '');
const splitLocal = (value: string) => {
  const [date = '', time = ''] = value.split(' ');
  return { date, time };
};

export type PermitValues = Record<EditableField, string> & { status: string; dept: string };

/** The form's starting values from stored fields (money as an amount, missing as empty). */
export function valuesFrom(fields: JsonObject, dept: string): PermitValues {
  const values = { status: text(fields.status) || 'submitted', dept } as PermitValues;
  for (const field of PERMIT_EDITABLE_FIELDS)
    values[field] =
      field === 'valuationCents'
        ? centsToInput(fields[field])
        : CONTROLS[field] === 'datetime'
          ? joinLocal(isoToLocal(fields[field]))
          : text(fields[field]);
  return values;
}

/** A form value as stored: trimmed text, cents, or null for empty (an amount that is not one stays text). */
function stored(field: EditableField, value: string): JsonValue {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (CONTROLS[field] === 'datetime') {
    const { date, time } = splitLocal(trimmed);
    // A date or time that is not one stays as typed: validation then names the field.
    return localToIso(date, time) ?? trimmed;
  }
  if (field !== 'valuationCents') return trimmed;
  const cents = parseMoney(trimmed);
  return Number.isNaN(cents) ? trimmed : cents;
}

export function PermitForm(props: {
  mode: 'create' | 'update';
  initial: PermitValues;
  /** The stored fields being edited (update), so validation sees the whole permit after the change. */
  previous?: JsonObject;
  /** Offered for a new permit when the user belongs to several departments. */
  departments?: string[];
  /** Known permit types, suggested while typing the type. */
  types?: string[];
  submitLabel: string;
  /** Saves the fields to write (create: all set fields; update: only the changed ones). */
  onSave: (fields: JsonObject, values: PermitValues) => Promise<string | null>;
}) {
  const t = useAreaT(permitsMessages);
  const [started] = useState(props.initial);
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof PermitValues, value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: JsonObject = {};
    for (const field of PERMIT_EDITABLE_FIELDS) {
      const value = stored(field, values[field]);
      if (props.mode === 'create') {
        if (value !== null) fields[field] = value;
      } else if (values[field] !== started[field]) fields[field] = value;
    }
    if (props.mode === 'create') fields.status = values.status;
    const whole = props.mode === 'create' ? fields : { ...props.previous, ...fields };
    const problems = validateFields(
      permitKind,
      whole,
      props.mode === 'create' ? { op: 'create' } : { op: 'update', previous: props.previous ?? {} },
      Object.keys(fields),
    );
    const next = errorsByField(t, problems);
    setErrors(next);
    setFormError(null);
    const firstBad = Object.keys(next)[0];
    if (firstBad) {
      setFormError(t('common.fixErrors'));
      document.getElementById(`permit-${firstBad}`)?.focus();
      return;
    }
    setBusy(true);
    const problem = await props.onSave(fields, values);
    setBusy(false);
    setFormError(problem);
  };

  const control = (field: EditableField) => {
    const id = `permit-${field}`;
    const kind = CONTROLS[field] ?? 'text';
    const error = errors[field];
    const hint =
      kind === 'money'
        ? t('permits.hint.money', { currency: DEPLOYMENT_CURRENCY })
        : kind === 'datetime'
          ? t('permits.hint.datetime')
          : field === 'paperCode'
            ? t('permits.hint.paperCode')
            : undefined;
    const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
    const common = {
      id,
      name: field,
      value: values[field],
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': describedBy,
      'aria-required': REQUIRED.includes(field) ? ('true' as const) : undefined,
    };
    return (
      <div key={field} class={error ? 'field field-invalid' : 'field'}>
        <label for={id}>
          {t(fieldLabelKey(field))}
          {REQUIRED.includes(field) && <span class="muted"> {t('permits.requiredMark')}</span>}
        </label>
        {hint && (
          <p id={`${id}-hint`} class="field-hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} class="field-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        {kind === 'datetime' ? (
          <span class="permit-datetime">
            <input
              {...common}
              type="date"
              value={splitLocal(values[field]).date}
              onInput={(e) =>
                set(field, joinLocal({ ...splitLocal(values[field]), date: e.currentTarget.value }))
              }
            />
            <label for={`${id}-time`} class="visually-hidden">
              {t('permits.field.time', { field: t(fieldLabelKey(field)) })}
            </label>
            <input
              id={`${id}-time`}
              type="text"
              inputMode="numeric"
              placeholder="HH:MM"
              size={6}
              value={splitLocal(values[field]).time}
              aria-invalid={common['aria-invalid']}
              aria-describedby={describedBy}
              autoComplete="off"
              onInput={(e) =>
                set(field, joinLocal({ ...splitLocal(values[field]), time: e.currentTarget.value }))
              }
            />
          </span>
        ) : kind === 'textarea' ? (
          <textarea {...common} rows={4} onInput={(e) => set(field, e.currentTarget.value)} />
        ) : (
          <input
            {...common}
            type={kind === 'money' ? 'text' : kind}
            inputMode={kind === 'money' ? 'decimal' : undefined}
            list={field === 'permitType' && props.types?.length ? 'permit-type-options' : undefined}
            autoComplete="off"
            onInput={(e) => set(field, e.currentTarget.value)}
          />
        )}
      </div>
    );
  };

  return (
    <form class="form permit-form" onSubmit={onSubmit} noValidate aria-describedby="permit-form-error">
      {props.mode === 'create' && (
        <div class="field">
          <label for="permit-status">{t('permits.field.status')}</label>
          <select
            id="permit-status"
            value={values.status}
            onChange={(e) => set('status', e.currentTarget.value)}
          >
            {NEW_PERMIT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(statusKey(status))}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.departments && props.departments.length > 1 && (
        <div class="field">
          <label for="permit-dept">{t('permits.field.dept')}</label>
          <select id="permit-dept" value={values.dept} onChange={(e) => set('dept', e.currentTarget.value)}>
            {props.departments.map((dept) => (
              <option key={dept} value={dept}>
                {dept}
              </option>
            ))}
          </select>
        </div>
      )}
      {GROUPS.map((group) => (
        <fieldset key={group.legend}>
          <legend>{t(group.legend)}</legend>
          {group.fields.map(control)}
        </fieldset>
      ))}
      {props.types && props.types.length > 0 && (
        <datalist id="permit-type-options">
          {props.types.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      )}
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('common.saving') : props.submitLabel}
      </button>
      <FormError id="permit-form-error" message={formError} />
    </form>
  );
}
