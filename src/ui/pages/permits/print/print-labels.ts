// Words and formats of the Permits print views: codes to translated labels, dates, money, numbers.
import type { JsonObject } from '../../../../domain/sync/json-value';
import type { Language } from '../../../i18n/translate';
import type { PermitPrintKey, PermitPrintT } from './messages';
import { formatIsoDay } from '../../../format/format-date-time';

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A translated label for a stored code, or the code itself when it is one this build does not know. */
function labelOf(t: PermitPrintT, prefix: string, code: unknown): string {
  const value = text(code);
  if (!value) return '';
  const key = `${prefix}.${value}` as PermitPrintKey;
  const label = t(key);
  return label === key ? value : label;
}

export const statusLabel = (t: PermitPrintT, code: unknown) => labelOf(t, 'permitPrint.status', code);
export const feeStatusLabel = (t: PermitPrintT, code: unknown) => labelOf(t, 'permitPrint.fee', code);
export const outcomeLabel = (t: PermitPrintT, code: unknown) => labelOf(t, 'permitPrint.outcome', code);
export const inspectionStatusLabel = (t: PermitPrintT, code: unknown) =>
  labelOf(t, 'permitPrint.inspectionStatus', code);

/** A YYYY-MM-DD date in the reader's language ("Mar 2, 2026", "2 mar 2026"); other text as it is. */
export function formatDay(value: unknown, language: Language): string {
  return formatIsoDay(value, language) ?? text(value);
}

/** Integer cents as an amount with two decimals in the reader's language (the deployment's currency). */
export function formatCents(value: unknown, language: Language): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    value / 100,
  );
}

/** The number to show for a permit: the official one, else the provisional one (flagged). */
export function permitNumber(fields: JsonObject): { number: string; provisional: boolean } {
  const official = text(fields.number);
  if (official) return { number: official, provisional: false };
  return { number: text(fields.provisionalNumber), provisional: true };
}
