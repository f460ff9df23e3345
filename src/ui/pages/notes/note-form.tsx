// The note form: Title, Body and Status (and the department for a new note), checked before saving
// with the same limits the domain enforces, so most mistakes are explained next to the field.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { NOTE_STATUSES } from '../../../domain/sync';
import { FormError } from '../../components/form-error';
import { TextField } from '../../components/text-field';
import { useAreaT } from '../../i18n/use-t';
import { notesMessages } from './messages';
import { noteStatusKey } from './note-helpers';

export interface NoteValues {
  title: string;
  body: string;
  status: string;
  dept: string;
}

interface Errors {
  title?: string;
  body?: string;
}

const length = (value: string) => [...value].length;

export function NoteForm(props: {
  initial: NoteValues;
  /** Offered for a new note when the user belongs to several departments. */
  departments?: string[];
  /** Saves; returns a sentence explaining why it could not, or null. */
  /**
   * Called with the values as submitted and as the form started with, so only what the person changed is
   * sent: a field someone else changed meanwhile (pulled while the form was open) is not sent back.
   */
  onSave: (values: NoteValues, started: NoteValues) => Promise<string | null>;
}) {
  const t = useAreaT(notesMessages);
  const [started] = useState(props.initial);
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<NoteValues>) => setValues((v) => ({ ...v, ...patch }));

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Errors = {};
    if (!values.title.trim()) next.title = t('notes.error.titleRequired');
    else if (length(values.title) > 200) next.title = t('notes.error.titleTooLong', { max: 200 });
    if (length(values.body) > 10_000) next.body = t('notes.error.bodyTooLong', { max: 10_000 });
    setErrors(next);
    setFormError(null);
    if (next.title || next.body) {
      document.getElementById(next.title ? 'note-title' : 'note-body')?.focus();
      return;
    }
    setBusy(true);
    const problem = await props.onSave({ ...values, title: values.title.trim() }, started);
    setBusy(false);
    setFormError(problem);
  };

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-describedby="note-form-error">
      <TextField
        id="note-title"
        label={t('notes.field.title')}
        value={values.title}
        onInput={(title) => set({ title })}
        error={errors.title}
        required
      />
      <div class={errors.body ? 'field field-invalid' : 'field'}>
        <label for="note-body">{t('notes.field.body')}</label>
        {errors.body && (
          <p id="note-body-error" class="field-error">
            <span aria-hidden="true">⚠ </span>
            {errors.body}
          </p>
        )}
        <textarea
          id="note-body"
          rows={6}
          value={values.body}
          onInput={(event) => set({ body: event.currentTarget.value })}
          aria-invalid={errors.body ? 'true' : undefined}
          aria-describedby={errors.body ? 'note-body-error' : undefined}
        />
      </div>
      <div class="field">
        <label for="note-status">{t('notes.field.status')}</label>
        <select
          id="note-status"
          value={values.status}
          onChange={(e) => set({ status: e.currentTarget.value })}
        >
          {NOTE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(noteStatusKey(status))}
            </option>
          ))}
        </select>
      </div>
      {props.departments && props.departments.length > 1 && (
        <div class="field">
          <label for="note-dept">{t('notes.field.dept')}</label>
          <select id="note-dept" value={values.dept} onChange={(e) => set({ dept: e.currentTarget.value })}>
            {props.departments.map((dept) => (
              <option key={dept} value={dept}>
                {dept}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('common.saving') : t('common.save')}
      </button>
      <FormError id="note-form-error" message={formError} />
    </form>
  );
}
