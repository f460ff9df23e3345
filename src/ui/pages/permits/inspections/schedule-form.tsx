// Schedules an inspection or changes one (type, date, inspector, notes), checked with the domain's own
// rules before saving so each mistake is explained next to its field, in the reader's language.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldError } from '../../../../domain/sync/record-kinds';
import { FormError } from '../../../components/form-error';
import { TextField } from '../../../components/text-field';
import { useAreaT } from '../../../i18n/use-t';
import { fieldErrorTexts, type WriteProblem } from './inspection-helpers';
import { inspectionMessages, type InspectionT } from './messages';

export interface ScheduleValues {
  inspectionType: string;
  scheduledDate: string;
  inspector: string;
  notes: string;
}

export const scheduleLabels = (t: InspectionT): Record<keyof ScheduleValues, string> => ({
  inspectionType: t('insp.field.inspectionType'),
  scheduledDate: t('insp.field.scheduledDate'),
  inspector: t('insp.field.inspector'),
  notes: t('insp.field.notes'),
});

const ORDER: (keyof ScheduleValues)[] = ['inspectionType', 'scheduledDate', 'inspector', 'notes'];

export function ScheduleForm(props: {
  id: string;
  heading: string;
  submitLabel: string;
  initial: ScheduleValues;
  /** The domain's errors for these values (validateFields), so the form applies exactly its rules. */
  check: (values: ScheduleValues) => FieldError[];
  /** Saves; returns what went wrong, or null. */
  onSave: (values: ScheduleValues, started: ScheduleValues) => Promise<WriteProblem | null>;
  onClose: () => void;
}) {
  const t = useAreaT(inspectionMessages);
  const [started] = useState(props.initial);
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const set = (patch: Partial<ScheduleValues>) => setValues((v) => ({ ...v, ...patch }));
  const labels = scheduleLabels(t);
  const fieldId = (field: keyof ScheduleValues) => `${props.id}-${field}`;

  useEffect(() => headingRef.current?.focus(), []);

  const showErrors = (next: Record<string, string>) => {
    setErrors(next);
    const first = ORDER.find((field) => next[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = {
      ...values,
      inspectionType: values.inspectionType.trim(),
      inspector: values.inspector.trim(),
    };
    const next = fieldErrorTexts(t, props.check(trimmed), labels);
    setFormError(null);
    if (Object.keys(next).length > 0) {
      showErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    const problem = await props.onSave(trimmed, started);
    setBusy(false);
    if (problem) {
      setFormError(problem.form);
      showErrors(problem.fields);
    }
  };

  const errorProps = (field: keyof ScheduleValues) => ({
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby': errors[field] ? `${fieldId(field)}-error` : undefined,
  });
  const fieldError = (field: keyof ScheduleValues) =>
    errors[field] && (
      <p id={`${fieldId(field)}-error`} class="field-error">
        <span aria-hidden="true">⚠ </span>
        {errors[field]}
      </p>
    );

  return (
    <section class="insp-panel" aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`} ref={headingRef} tabIndex={-1}>
        {props.heading}
      </h3>
      <form class="form" onSubmit={onSubmit} noValidate aria-describedby={`${props.id}-form-error`}>
        <TextField
          id={fieldId('inspectionType')}
          label={labels.inspectionType}
          hint={t('insp.field.inspectionTypeHint')}
          value={values.inspectionType}
          onInput={(inspectionType) => set({ inspectionType })}
          error={errors.inspectionType}
          required
        />
        <div class={errors.scheduledDate ? 'field field-invalid' : 'field'}>
          <label for={fieldId('scheduledDate')}>{labels.scheduledDate}</label>
          {fieldError('scheduledDate')}
          <input
            id={fieldId('scheduledDate')}
            type="date"
            required
            value={values.scheduledDate}
            onInput={(event) => set({ scheduledDate: event.currentTarget.value })}
            {...errorProps('scheduledDate')}
          />
        </div>
        <TextField
          id={fieldId('inspector')}
          label={labels.inspector}
          hint={t('insp.field.inspectorHint')}
          value={values.inspector}
          onInput={(inspector) => set({ inspector })}
          error={errors.inspector}
        />
        <div class={errors.notes ? 'field field-invalid' : 'field'}>
          <label for={fieldId('notes')}>{labels.notes}</label>
          {fieldError('notes')}
          <textarea
            id={fieldId('notes')}
            rows={3}
            value={values.notes}
            onInput={(event) => set({ notes: event.currentTarget.value })}
            {...errorProps('notes')}
          />
        </div>
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : props.submitLabel}
          </button>
          <button type="button" class="button button-secondary" onClick={props.onClose}>
            {t('insp.close')}
          </button>
        </div>
        <FormError id={`${props.id}-form-error`} message={formError} />
      </form>
    </section>
  );
}
