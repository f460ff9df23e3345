// Small checks kinds compose into their validate(): each returns one plain-language FieldError or null.
import type { FieldError } from './record-kinds';
import type { JsonObject } from './json-value';
import { isRecordId } from './record-id';

interface Presence {
  required?: boolean;
}

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function presence(
  fields: JsonObject,
  field: string,
  label: string,
  opts: Presence,
): FieldError | 'skip' | null {
  if (!isBlank(fields[field])) return null;
  return opts.required ? { field, code: 'required', message: `${label} is required.` } : 'skip';
}

export function checkText(
  fields: JsonObject,
  field: string,
  label: string,
  opts: Presence & { max: number },
): FieldError | null {
  const missing = presence(fields, field, label, opts);
  if (missing) return missing === 'skip' ? null : missing;
  const value = fields[field];
  if (typeof value !== 'string') return { field, code: 'wrong_type', message: `${label} must be text.` };
  const length = [...value].length;
  if (length <= opts.max) return null;
  const message = `${label} must be at most ${opts.max.toLocaleString('en')} characters (it has ${length.toLocaleString('en')}).`;
  return { field, code: 'too_long', message };
}

export function checkOneOf(
  fields: JsonObject,
  field: string,
  label: string,
  options: readonly string[],
  opts: Presence = {},
): FieldError | null {
  const missing = presence(fields, field, label, opts);
  if (missing) return missing === 'skip' ? null : missing;
  const value = fields[field];
  if (typeof value === 'string' && options.includes(value)) return null;
  return { field, code: 'not_allowed_value', message: `${label} must be one of: ${options.join(', ')}.` };
}

export function checkRecordRef(
  fields: JsonObject,
  field: string,
  label: string,
  opts: Presence = {},
): FieldError | null {
  const missing = presence(fields, field, label, opts);
  if (missing) return missing === 'skip' ? null : missing;
  if (isRecordId(fields[field])) return null;
  return { field, code: 'invalid_id', message: `${label} does not point at a valid record.` };
}

/** Collects the problems of several checks. */
export function problems(...checks: (FieldError | null)[]): FieldError[] {
  return checks.filter((check): check is FieldError => check !== null);
}
