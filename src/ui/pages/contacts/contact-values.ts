// The contact form's values and how they become stored fields: phones parsed to E.164 (one primary),
// languages split at commas, empty text left out; domain errors said in the reader's language.
import { MAX_PHONES, PHONE_LABELS, type Phone } from '../../../domain/contacts/contact-kinds';
import type { JsonObject, JsonValue } from '../../../domain/sync';
import type { FieldError } from '../../../domain/sync/record-kinds';
import type { ChangeResult } from '../../sync/write-change';
import type { ContactsKey, ContactsT } from './messages';
import { formatPhone, parsePhone } from './phone-format';
import { formatIsoDay } from '../../format/format-date-time';
import { exerciseRefusal } from '../../sync/exercise-mode';

export type PhoneLabel = (typeof PHONE_LABELS)[number];

export interface PhoneRow {
  /** Stable per row while the form is open (for keys and element ids). */
  key: number;
  label: PhoneLabel;
  input: string;
  primary: boolean;
}

export const TEXT_FIELDS = [
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
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type ContactValues = Record<TextField, string> & { phones: PhoneRow[]; dept: string };

export const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

let nextKey = 1;
export const newPhoneRow = (primary: boolean, label: PhoneLabel = 'mobile'): PhoneRow => ({
  key: nextKey++,
  label,
  input: '',
  primary,
});

/** The stored phones of a contact (E.164, tolerant of anything odd a sync brought). */
export function phonesOf(fields: JsonObject): Phone[] {
  const rows = Array.isArray(fields.phones) ? fields.phones : [];
  const phones: Phone[] = [];
  for (const row of rows) {
    if (!row || typeof row !== 'object' || Array.isArray(row) || typeof row.number !== 'string') continue;
    const label = (PHONE_LABELS as readonly string[]).includes(String(row.label))
      ? (row.label as PhoneLabel)
      : 'other';
    phones.push({ label, number: row.number, ...(row.primary === true ? { primary: true } : {}) });
  }
  return phones;
}

/** The primary phone of a contact, or its first one. */
export const primaryPhone = (fields: JsonObject): Phone | undefined => {
  const phones = phonesOf(fields);
  return phones.find((p) => p.primary) ?? phones[0];
};

/** The form's starting values from stored fields. */
export function valuesFrom(fields: JsonObject, dept: string): ContactValues {
  const values = { dept } as ContactValues;
  for (const field of TEXT_FIELDS) values[field] = text(fields[field]);
  values.languages = Array.isArray(fields.languages)
    ? fields.languages.filter((l): l is string => typeof l === 'string').join(', ')
    : '';
  const phones = phonesOf(fields).map((p) => ({
    key: nextKey++,
    label: p.label,
    input: formatPhone(p.number),
    primary: p.primary === true,
  }));
  if (phones.length > 0 && !phones.some((p) => p.primary)) phones[0]!.primary = true;
  values.phones = phones.length > 0 ? phones : [newPhoneRow(true)];
  return values;
}

/** What the form would store, and the problem (a message key) of each phone row that cannot be stored. */
export interface BuiltContact {
  fields: JsonObject;
  phoneErrors: Record<number, ContactsKey>;
  /** The numbers in E.164, for the duplicate check. */
  numbers: string[];
}

export function buildContact(values: ContactValues): BuiltContact {
  const fields: JsonObject = {};
  for (const field of TEXT_FIELDS) {
    if (field === 'languages') continue;
    const value = values[field].trim();
    fields[field] = value === '' ? null : value;
  }
  const languages = values.languages
    .split(/[,;]/)
    .map((l) => l.trim())
    .filter(Boolean);
  fields.languages = languages.length > 0 ? languages : null;

  const phoneErrors: Record<number, ContactsKey> = {};
  const parsed: { row: PhoneRow; number: string }[] = [];
  for (const row of values.phones) {
    const result = parsePhone(row.input);
    if (!result.ok) {
      // An empty row is simply not saved.
      if (result.reason === 'invalid') phoneErrors[row.key] = 'contacts.error.phoneInvalid';
      continue;
    }
    if (parsed.some((p) => p.number === result.e164)) {
      phoneErrors[row.key] = 'contacts.error.phoneTwice';
      continue;
    }
    parsed.push({ row, number: result.e164 });
  }
  const primaryIndex = Math.max(
    0,
    parsed.findIndex((p) => p.row.primary),
  );
  const phones = parsed.map((p, i) => ({
    label: p.row.label,
    number: p.number,
    ...(i === primaryIndex ? { primary: true } : {}),
  }));
  fields.phones = phones.length > 0 ? phones : null;
  return { fields, phoneErrors, numbers: parsed.map((p) => p.number) };
}

/** Only the fields that differ from the stored ones (an update sends just these). */
export function changedFields(next: JsonObject, stored: JsonObject): JsonObject {
  const changed: JsonObject = {};
  for (const [field, value] of Object.entries(next)) {
    const before = stored[field] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(value)) changed[field] = value;
  }
  return changed;
}

/** Fields without their empty values (a new contact stores only what was filled in). */
export const withoutEmpty = (fields: JsonObject): JsonObject =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));

export const fieldLabelKey = (field: string): ContactsKey => `contacts.field.${field}` as ContactsKey;

/** One domain error as a sentence: a message for that field and code, else the code's, else general. */
export function fieldErrorText(t: ContactsT, error: FieldError): string {
  const params = { ...(error.params ?? {}), label: t(fieldLabelKey(error.field)), max: MAX_PHONES };
  const specific = `contacts.error.${error.field}.${error.code}` as ContactsKey;
  const sentence = t(specific, params);
  if (sentence !== specific) return sentence;
  const general = `contacts.error.${error.code}` as ContactsKey;
  const fallback = t(general, params);
  return fallback !== general ? fallback : t('contacts.error.invalid', params);
}

export function errorsByField(t: ContactsT, errors: readonly FieldError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) byField[error.field] ??= fieldErrorText(t, error);
  return byField;
}

const REJECTIONS: Record<string, ContactsKey> = {
  forbidden: 'contacts.error.forbidden',
  deleted: 'contacts.error.deleted',
  not_found: 'contacts.error.notFound',
};

/** The sentence for a failed write (null when it worked), and the field errors it carried. */
export function writeProblem(
  t: ContactsT,
  result: ChangeResult,
): { message: string; fields: Record<string, string> } | null {
  if (result.ok) return null;
  const exercise = exerciseRefusal(result);
  if (exercise) return { message: exercise, fields: {} };
  if ('failure' in result)
    return {
      message: t(result.failure === 'storage_full' ? 'error.storageFull' : 'contacts.error.signedOut'),
      fields: {},
    };
  const errors = (result.rejected as { errors?: FieldError[] }).errors ?? [];
  const key = REJECTIONS[result.rejected.code];
  return { message: key ? t(key) : t('common.fixErrors'), fields: errorsByField(t, errors) };
}

/** The device's local date, YYYY-MM-DD ("verified today"). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A YYYY-MM-DD date in the reader's language, without shifting it through time zones. */
export function formatDay(day: JsonValue | undefined, language: string): string {
  return formatIsoDay(day, language) ?? '';
}
