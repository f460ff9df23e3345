// Small helpers shared by the permit screens: field text, money in the deployment's currency, dates, and
// domain field errors said in the reader's language (by code, never the domain's English sentence).
import type { FieldError } from '../../../domain/sync/record-kinds';
import type { JsonValue } from '../../../domain/sync';
import { isPermitStatus, type PermitStatus } from '../../../domain/permits/lifecycle';
import type { Language } from '../../i18n/translate';
import type { PermitsKey, PermitsT } from './messages';
import { formatIsoDay } from '../../format/format-date-time';

/** The deployment's currency (ISO 4217). Money is stored in integer cents of it. */
export const DEPLOYMENT_CURRENCY = 'USD';

export const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, language: Language): string {
  let format = moneyFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'currency', currency: DEPLOYMENT_CURRENCY });
    moneyFormats.set(language, format);
  }
  return format.format(cents / 100);
}

/** Cents as typed into an amount field ("1250", "1,250.50", "1.250,50", "$ 12"); NaN when not a number. */
export function parseMoney(input: string): number {
  let value = input.replace(/[\s\u00a0$€£]/g, '');
  if (value === '') return NaN;
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  if (lastComma > lastDot) {
    // A comma is the decimal mark when it has one or two digits after it and is the last separator.
    value = /,\d{1,2}$/.test(value) ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  } else {
    value = value.replace(/,/g, '');
  }
  if (!/^-?\d+(\.\d{1,2})?$/.test(value)) return NaN;
  return Math.round(Number(value) * 100);
}

/** Cents for an amount input's starting value ("1250.50"). */
export const centsToInput = (cents: JsonValue | undefined): string =>
  typeof cents === 'number' ? (cents / 100).toFixed(2) : '';

/** The device's local date, YYYY-MM-DD (what "today" means for expiry). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A YYYY-MM-DD date in the reader's language, without shifting it through time zones. */
export function formatDay(day: JsonValue | undefined, language: Language): string {
  return formatIsoDay(day, language) ?? '';
}

export const statusKey = (status: JsonValue | undefined): PermitsKey =>
  isPermitStatus(status) ? (`permits.status.${status}` as PermitsKey) : 'permits.status.unknown';

export const statusOf = (status: JsonValue | undefined): PermitStatus | null =>
  isPermitStatus(status) ? status : null;

export const feeStatusKey = (status: JsonValue | undefined): PermitsKey =>
  `permits.feeStatus.${typeof status === 'string' ? status : 'due'}` as PermitsKey;

export const fieldLabelKey = (field: string): PermitsKey => `permits.field.${field}` as PermitsKey;
export const feeLabelKey = (field: string): PermitsKey => `permits.fee.${field}` as PermitsKey;

/** Whose fields an error names: the permit's, or a fee's (labels and messages differ). */
export type ErrorScope = 'field' | 'fee';

/**
 * One domain error as a sentence in the reader's language: a message written for that field and code
 * when there is one ("permits.error.issuedDate.date_order", "permits.error.fee.receipt.required"), else
 * the code's general message.
 */
export function fieldErrorText(t: PermitsT, error: FieldError, scope: ErrorScope = 'field'): string {
  const prefix = scope === 'fee' ? 'permits.error.fee.' : 'permits.error.';
  const specific = `${prefix}${error.field}.${error.code}` as PermitsKey;
  const params = { ...(error.params ?? {}), label: t(`permits.${scope}.${error.field}` as PermitsKey) };
  const sentence = t(specific, params);
  if (sentence !== specific) return sentence;
  const general = `permits.error.${error.code}` as PermitsKey;
  const fallback = t(general, params);
  return fallback !== general ? fallback : t('permits.error.invalid');
}

/** The first error of each field, as sentences. */
export function errorsByField(
  t: PermitsT,
  errors: readonly FieldError[],
  scope: ErrorScope = 'field',
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) byField[error.field] ??= fieldErrorText(t, error, scope);
  return byField;
}
