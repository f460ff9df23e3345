// The contact form (new and edit): the person, labelled phone numbers (add and remove rows, choose the
// primary; typed in any usual format, stored E.164, a number that cannot be dialled refused next to its
// row), other ways to reach them, languages and needs, and the last verified date. Before saving it looks
// for possible duplicates (same name or a shared number) and offers to open them or save anyway.
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import {
  CONTACT_METHODS,
  contactKind,
  MAX_PHONES,
  PHONE_LABELS,
} from '../../../domain/contacts/contact-kinds';
import type { JsonObject } from '../../../domain/sync';
import { validateFields } from '../../../domain/sync';
import type { HoldfastDatabase } from '../../../storage';
import { findPossibleDuplicates, type PossibleDuplicate } from '../../../storage/contact-queries';
import { FormError } from '../../components/form-error';
import { useAreaT } from '../../i18n/use-t';
import {
  buildContact,
  changedFields,
  errorsByField,
  fieldLabelKey,
  localToday,
  newPhoneRow,
  text,
  withoutEmpty,
  type ContactValues,
  type PhoneLabel,
  type PhoneRow,
  type TextField,
} from './contact-values';
import { contactsMessages, type ContactsKey } from './messages';
import { formatPhone } from './phone-format';

type Control = 'text' | 'textarea' | 'email' | 'date' | 'method';
const CONTROLS: Partial<Record<TextField, Control>> = {
  email: 'email',
  notes: 'textarea',
  accessibility: 'textarea',
  preferredMethod: 'method',
  lastVerified: 'date',
};

const GROUPS: { legend: ContactsKey; fields: TextField[] }[] = [
  { legend: 'contacts.form.person', fields: ['name', 'title', 'position', 'department'] },
  { legend: 'contacts.form.reach', fields: ['email', 'radio', 'preferredMethod'] },
  { legend: 'contacts.form.needs', fields: ['languages', 'accessibility', 'notes'] },
];

const fieldId = (field: string) => `contact-${field}`;
const phoneId = (row: PhoneRow) => `contact-phone-${row.key}`;

export function ContactForm(props: {
  db: HoldfastDatabase;
  mode: 'create' | 'update';
  initial: ContactValues;
  /** The stored fields being edited (update): only changes are sent, and validation sees the whole. */
  previous?: JsonObject;
  /** The contact being edited, left out of the duplicate check. */
  contactId?: string;
  /** Offered for a new contact when the user belongs to several departments. */
  departments?: string[];
  submitLabel: string;
  /** Saves the fields to write (create: all set fields; update: only the changed ones). */
  onSave: (fields: JsonObject, values: ContactValues) => Promise<string | null>;
}) {
  const t = useAreaT(contactsMessages);
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [phoneErrors, setPhoneErrors] = useState<Record<number, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[] | null>(null);
  const [busy, setBusy] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const dupHeading = useRef<HTMLHeadingElement>(null);
  const set = (field: TextField | 'dept', value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setDuplicates(null);
  };
  const setPhones = (phones: PhoneRow[]) => {
    setValues((v) => ({ ...v, phones }));
    setDuplicates(null);
  };
  const updatePhone = (key: number, change: Partial<PhoneRow>) =>
    setPhones(
      values.phones.map((row) =>
        row.key === key ? { ...row, ...change } : change.primary ? { ...row, primary: false } : row,
      ),
    );

  const addPhone = () => {
    const row = newPhoneRow(values.phones.length === 0, values.phones.length === 0 ? 'mobile' : 'work');
    setPhones([...values.phones, row]);
    requestAnimationFrame(() => document.getElementById(phoneId(row))?.focus());
  };
  const removePhone = (key: number) => {
    const rest = values.phones.filter((row) => row.key !== key);
    if (rest.length > 0 && !rest.some((row) => row.primary)) rest[0] = { ...rest[0]!, primary: true };
    setPhones(rest);
    setPhoneErrors(({ [key]: _gone, ...others }) => others);
    requestAnimationFrame(() => addButton.current?.focus());
  };

  /** Checks and saves; `anyway` skips the duplicate check (the person chose "Save anyway"). */
  const save = async (anyway: boolean) => {
    const built = buildContact(values);
    const stored = props.previous ?? {};
    const fields = props.mode === 'create' ? withoutEmpty(built.fields) : changedFields(built.fields, stored);
    const whole = props.mode === 'create' ? fields : { ...stored, ...fields };
    const problems = validateFields(
      contactKind,
      whole,
      props.mode === 'create' ? { op: 'create' } : { op: 'update', previous: stored },
      Object.keys(fields),
    );
    const next = errorsByField(t, problems);
    const rowErrors: Record<number, string> = {};
    for (const [key, message] of Object.entries(built.phoneErrors)) rowErrors[Number(key)] = t(message);
    setErrors(next);
    setPhoneErrors(rowErrors);
    setFormError(null);
    const firstRow = values.phones.find((row) => rowErrors[row.key]);
    const firstField = TEXT_ORDER.find((field) => next[field]);
    if (firstField || firstRow || next.phones) {
      setFormError(t('common.fixErrors'));
      const target = firstField ? fieldId(firstField) : firstRow ? phoneId(firstRow) : 'contact-add-phone';
      document.getElementById(target)?.focus();
      return;
    }
    const checkDuplicates = !anyway && (props.mode === 'create' || 'name' in fields || 'phones' in fields);
    if (checkDuplicates) {
      const found = await findPossibleDuplicates(props.db, {
        name: text(whole.name),
        phones: built.numbers,
        ...(props.contactId ? { excludeId: props.contactId } : {}),
      });
      if (found.length > 0) {
        setDuplicates(found);
        requestAnimationFrame(() => dupHeading.current?.focus());
        return;
      }
    }
    setDuplicates(null);
    setBusy(true);
    const problem = await props.onSave(fields, values);
    setBusy(false);
    setFormError(problem);
  };

  const onSubmit = (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(false);
  };

  const control = (field: TextField) => {
    const id = fieldId(field);
    const kind = CONTROLS[field] ?? 'text';
    const error = errors[field];
    const hint = field === 'languages' ? t('contacts.form.languagesHint') : undefined;
    const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
    const common = {
      id,
      name: field,
      value: values[field],
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': describedBy,
      'aria-required': field === 'name' ? ('true' as const) : undefined,
    };
    return (
      <div key={field} class={error ? 'field field-invalid' : 'field'}>
        <label for={id}>
          {t(fieldLabelKey(field))}
          {field === 'name' && <span class="muted"> {t('contacts.requiredMark')}</span>}
        </label>
        {hint && (
          <p id={`${id}-hint`} class="field-hint">
            {hint}
          </p>
        )}
        {error && <FieldError id={`${id}-error`} message={error} />}
        {kind === 'textarea' ? (
          <textarea {...common} rows={3} onInput={(e) => set(field, e.currentTarget.value)} />
        ) : kind === 'method' ? (
          <select {...common} onChange={(e) => set(field, e.currentTarget.value)}>
            <option value="">{t('contacts.form.noMethod')}</option>
            {CONTACT_METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`contacts.method.${method}`)}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            type={kind}
            autoComplete="off"
            onInput={(e) => set(field, e.currentTarget.value)}
          />
        )}
      </div>
    );
  };

  const phoneRow = (row: PhoneRow, index: number) => {
    const n = index + 1;
    const error = phoneErrors[row.key];
    const id = phoneId(row);
    return (
      <li key={row.key} class={error ? 'contact-phone field-invalid' : 'contact-phone'}>
        <fieldset class="contact-phone-fields">
          <legend class="visually-hidden">{t('contacts.form.phoneRow', { index: n })}</legend>
          <div class="field contact-phone-label">
            <label for={`${id}-label`}>{t('contacts.form.phoneLabel', { index: n })}</label>
            <select
              id={`${id}-label`}
              value={row.label}
              onChange={(e) => updatePhone(row.key, { label: e.currentTarget.value as PhoneLabel })}
            >
              {PHONE_LABELS.map((label) => (
                <option key={label} value={label}>
                  {t(`contacts.phoneLabel.${label}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field contact-phone-number">
            <label for={id}>{t('contacts.form.phoneNumber', { index: n })}</label>
            {error && <FieldError id={`${id}-error`} message={error} />}
            <input
              id={id}
              type="tel"
              value={row.input}
              autoComplete="off"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onInput={(e) => updatePhone(row.key, { input: e.currentTarget.value })}
            />
          </div>
          <div class="contact-phone-primary">
            <input
              id={`${id}-primary`}
              type="radio"
              name="contact-primary-phone"
              checked={row.primary}
              onChange={() => updatePhone(row.key, { primary: true })}
            />
            <label for={`${id}-primary`}>{t('contacts.form.primaryOf', { index: n })}</label>
          </div>
          <button type="button" class="button button-secondary" onClick={() => removePhone(row.key)}>
            {t('contacts.form.removePhone', { index: n })}
          </button>
        </fieldset>
      </li>
    );
  };

  return (
    <form class="form contact-form" onSubmit={onSubmit} noValidate aria-describedby="contact-form-error">
      {props.departments && props.departments.length > 1 && (
        <div class="field">
          <label for="contact-dept">{t('contacts.form.dept')}</label>
          <select id="contact-dept" value={values.dept} onChange={(e) => set('dept', e.currentTarget.value)}>
            {props.departments.map((dept) => (
              <option key={dept} value={dept}>
                {dept}
              </option>
            ))}
          </select>
        </div>
      )}
      {GROUPS.slice(0, 1).map((group) => (
        <fieldset key={group.legend}>
          <legend>{t(group.legend)}</legend>
          {group.fields.map(control)}
        </fieldset>
      ))}
      <fieldset class={errors.phones ? 'contact-phones field-invalid' : 'contact-phones'}>
        <legend>{t('contacts.form.phones')}</legend>
        <p id="contact-phones-hint" class="field-hint">
          {t('contacts.form.phonesHint')}
        </p>
        {errors.phones && <FieldError id="contact-phones-error" message={errors.phones} />}
        {values.phones.length === 0 ? (
          <p class="muted">{t('contacts.form.noPhones')}</p>
        ) : (
          <ol class="contact-phone-list">{values.phones.map(phoneRow)}</ol>
        )}
        {values.phones.length < MAX_PHONES && (
          <button
            id="contact-add-phone"
            ref={addButton}
            type="button"
            class="button button-secondary"
            onClick={addPhone}
          >
            {t('contacts.form.addPhone')}
          </button>
        )}
      </fieldset>
      {GROUPS.slice(1).map((group) => (
        <fieldset key={group.legend}>
          <legend>{t(group.legend)}</legend>
          {group.fields.map(control)}
        </fieldset>
      ))}
      <fieldset>
        <legend>{t('contacts.form.verification')}</legend>
        {control('lastVerified')}
        <button
          type="button"
          class="button button-secondary"
          onClick={() => set('lastVerified', localToday())}
        >
          {t('contacts.form.verifiedToday')}
        </button>
      </fieldset>
      {duplicates && duplicates.length > 0 && (
        <section class="contact-duplicates" aria-labelledby="contact-dup-heading">
          <h2 id="contact-dup-heading" ref={dupHeading} tabIndex={-1}>
            <span aria-hidden="true">⚠ </span>
            {t('contacts.dup.title')}
          </h2>
          <ul>
            {duplicates.map((dup) => {
              const name = text(dup.contact.fields.name);
              return (
                <li key={dup.contact.id}>
                  {dup.reason === 'phone' && dup.phone
                    ? t('contacts.dup.phone', { name, number: formatPhone(dup.phone) })
                    : t('contacts.dup.name', { name })}{' '}
                  <a href={`/contacts/${dup.contact.id}`}>{t('contacts.dup.open', { name })}</a>
                </li>
              );
            })}
          </ul>
          <p class="contact-dup-actions">
            <button type="button" class="button" disabled={busy} onClick={() => void save(true)}>
              {t('contacts.dup.saveAnyway')}
            </button>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                setDuplicates(null);
                document.getElementById(fieldId('name'))?.focus();
              }}
            >
              {t('contacts.dup.cancel')}
            </button>
          </p>
        </section>
      )}
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('common.saving') : props.submitLabel}
      </button>
      <FormError id="contact-form-error" message={formError} />
    </form>
  );
}

const TEXT_ORDER: TextField[] = [
  'name',
  'title',
  'position',
  'department',
  'email',
  'radio',
  'preferredMethod',
  'languages',
  'accessibility',
  'notes',
  'lastVerified',
];

function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} class="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
