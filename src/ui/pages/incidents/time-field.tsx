// A date and a time on the 24-hour clock as one labelled group: a date input and an HH:MM text input
// (a time input would show AM/PM in some languages). The error of the field they make up shows above them.
import { useAreaT } from '../../i18n/use-t';
import { localToIso } from './incident-helpers';
import { incidentsMessages } from './messages';

export interface TimeValue {
  date: string;
  time: string;
}

export function TimeField(props: {
  id: string;
  label: string;
  value: TimeValue;
  onChange: (value: TimeValue) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const t = useAreaT(incidentsMessages);
  const { id, value, error } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : ''].filter(Boolean).join(' ');
  const invalid = error ? ('true' as const) : undefined;
  return (
    <fieldset
      class={error ? 'field incident-time field-invalid' : 'field incident-time'}
      aria-describedby={describedBy}
    >
      <legend>
        {props.label}
        {props.required && <span class="muted"> {t('incidents.requiredMark')}</span>}
      </legend>
      <p id={hintId} class="field-hint">
        {t('incidents.form.hint.time')}
      </p>
      {error && (
        <p id={errorId} class="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <div class="incident-time-parts">
        <div>
          <label for={`${id}-date`}>{t('incidents.form.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={value.date}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onInput={(e) => props.onChange({ ...value, date: e.currentTarget.value })}
          />
        </div>
        <div>
          <label for={`${id}-time`}>{t('incidents.form.time')}</label>
          <input
            id={`${id}-time`}
            type="text"
            inputMode="numeric"
            placeholder="HH:MM"
            maxLength={5}
            size={6}
            autoComplete="off"
            value={value.time}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onInput={(e) => props.onChange({ ...value, time: e.currentTarget.value })}
          />
        </div>
      </div>
    </fieldset>
  );
}

/** The stored value of a time field: UTC ISO, null when empty, the typed text when it is not a time. */
export function storedTime(value: TimeValue): string | null {
  if (!value.date.trim() && !value.time.trim()) return null;
  return localToIso(value.date, value.time) ?? `${value.date}T${value.time}`;
}
