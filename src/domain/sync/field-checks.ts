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
  // UTF-16 length is never below the code-point count: short texts need no counting.
  if (value.length <= opts.max) return null;
  const length = [...value].length;
  if (length <= opts.max) return null;
  const message = `${label} must be at most ${opts.max.toLocaleString('en')} characters (it has ${length.toLocaleString('en')}).`;
  return { field, code: 'too_long', message, params: { max: opts.max, length } };
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

/** The digit at `at` of a string, or NaN (checked once per date, so no regular expression or Date). */
function digit(value: string, at: number): number {
  const code = value.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
}

/**
 * Whether a value is a real calendar date written YYYY-MM-DD (proleptic Gregorian, years 0000-9999).
 * Arithmetic, not Date: an import checks several dates of every permit more than once, and building a
 * Date and its ISO string for each was a tenth of a 50,000-row import's time.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  // NaN fails every comparison below.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1)) return false;
  if (month !== 2) return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (leap ? 29 : 28);
}

export function checkDate(
  fields: JsonObject,
  field: string,
  label: string,
  opts: Presence = {},
): FieldError | null {
  const missing = presence(fields, field, label, opts);
  if (missing) return missing === 'skip' ? null : missing;
  if (isIsoDate(fields[field])) return null;
  return { field, code: 'not_a_date', message: `${label} must be a date (YYYY-MM-DD).` };
}

/** A number within limits; `integer` for amounts kept in cents. */
export function checkNumber(
  fields: JsonObject,
  field: string,
  label: string,
  opts: Presence & { min?: number; max?: number; integer?: boolean; minExclusive?: boolean },
): FieldError | null {
  const missing = presence(fields, field, label, opts);
  if (missing) return missing === 'skip' ? null : missing;
  const value = fields[field];
  if (typeof value !== 'number' || !Number.isFinite(value) || (opts.integer && !Number.isInteger(value)))
    return { field, code: 'not_a_number', message: `${label} must be a number.` };
  const { min, max } = opts;
  if (min !== undefined && (opts.minExclusive ? value <= min : value < min)) {
    const message = opts.minExclusive
      ? `${label} must be more than ${min}.`
      : `${label} must be at least ${min}.`;
    return { field, code: 'too_small', message, params: { min } };
  }
  if (max !== undefined && value > max)
    return { field, code: 'too_large', message: `${label} must be at most ${max}.`, params: { max } };
  return null;
}

/** `later` may not be before `earlier` when both are dates. */
export function checkDateOrder(
  fields: JsonObject,
  earlier: { field: string; label: string },
  later: { field: string; label: string },
): FieldError | null {
  const a = fields[earlier.field];
  const b = fields[later.field];
  if (!isIsoDate(a) || !isIsoDate(b) || b >= a) return null;
  return {
    field: later.field,
    code: 'date_order',
    message: `${later.label} cannot be before ${earlier.label.toLowerCase()}.`,
    params: { other: earlier.field },
  };
}

/** A list of short texts (corrections, photo ids). */
export function checkTextList(
  fields: JsonObject,
  field: string,
  label: string,
  opts: { maxItems: number; maxLength: number },
): FieldError | null {
  const value = fields[field];
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
    return { field, code: 'wrong_type', message: `${label} must be a list of texts.` };
  if (value.length > opts.maxItems)
    return {
      field,
      code: 'too_large',
      message: `${label} may hold at most ${opts.maxItems} items.`,
      params: { max: opts.maxItems },
    };
  const long = value.find((item) => [...(item as string)].length > opts.maxLength);
  if (long !== undefined)
    return {
      field,
      code: 'too_long',
      message: `Each item of ${label.toLowerCase()} must be at most ${opts.maxLength} characters.`,
      params: { max: opts.maxLength },
    };
  return null;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?Z$/;

/** Whether a value is a UTC time written as ISO 8601 ("2026-11-26T14:05:00.000Z", seconds optional). */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  return match !== null && isIsoDate(match[1]);
}

export function checkDateTime(
  fields: JsonObject,
  field: string,
  label: string,
  opts: Presence = {},
): FieldError | null {
  const missing = presence(fields, field, label, opts);
  if (missing) return missing === 'skip' ? null : missing;
  if (isIsoDateTime(fields[field])) return null;
  return { field, code: 'not_a_date', message: `${label} must be a date and time.` };
}

/** `later` may not be before `earlier` when both are times (ISO 8601 UTC compares as text). */
export function checkTimeOrder(
  fields: JsonObject,
  earlier: { field: string; label: string },
  later: { field: string; label: string },
): FieldError | null {
  const a = fields[earlier.field];
  const b = fields[later.field];
  if (!isIsoDateTime(a) || !isIsoDateTime(b) || Date.parse(b) >= Date.parse(a)) return null;
  return {
    field: later.field,
    code: 'date_order',
    message: `${later.label} cannot be before ${earlier.label.toLowerCase()}.`,
    params: { other: earlier.field },
  };
}

export function checkBoolean(fields: JsonObject, field: string, label: string): FieldError | null {
  const value = fields[field];
  if (value === undefined || value === null || typeof value === 'boolean') return null;
  return { field, code: 'wrong_type', message: `${label} must be yes or no.` };
}

/**
 * A list of small objects whose properties are short texts (an ICS 214's resources assigned), or yes/no
 * for the keys listed in `booleanKeys` (a checklist item's critical flag).
 */
export function checkObjectList(
  fields: JsonObject,
  field: string,
  label: string,
  opts: { maxItems: number; keys: readonly string[]; maxLength: number; booleanKeys?: readonly string[] },
): FieldError | null {
  const value = fields[field];
  if (value === undefined || value === null) return null;
  const flags = opts.booleanKeys ?? [];
  const wellFormed =
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        !Array.isArray(item) &&
        Object.entries(item).every(([key, text]) =>
          flags.includes(key)
            ? typeof text === 'boolean'
            : opts.keys.includes(key) && typeof text === 'string',
        ),
    );
  if (!wellFormed) return { field, code: 'wrong_type', message: `${label} is not a list of rows.` };
  if (value.length > opts.maxItems)
    return {
      field,
      code: 'too_large',
      message: `${label} may hold at most ${opts.maxItems} rows.`,
      params: { max: opts.maxItems },
    };
  const long = (value as Record<string, string | boolean>[]).some((row) =>
    Object.values(row).some((text) => typeof text === 'string' && [...text].length > opts.maxLength),
  );
  if (long)
    return {
      field,
      code: 'too_long',
      message: `Each entry of ${label.toLowerCase()} must be at most ${opts.maxLength} characters.`,
      params: { max: opts.maxLength },
    };
  return null;
}
