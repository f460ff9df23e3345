// Words for the import page: a row problem as a sentence in the reader's language, and file downloads.
import type { PlannedPermit, RowError } from '../../../../domain/permits/import';
import type { Rejection } from '../../../../domain/sync';
import type { ImportKey, ImportT } from './messages';

const PROBLEM_CODES = [
  'required',
  'unmapped',
  'not_a_date',
  'not_a_number',
  'too_long',
  'too_small',
  'too_large',
  'date_order',
  'wrong_type',
] as const;

/** The label of a permit field ("Application date"), from the Permits area's catalog. */
export const fieldLabel = (t: ImportT, field: string): string => t(`permits.field.${field}` as ImportKey);

/** "Line 17: Application date is not a date: “2024/13/40”." */
export function rowErrorText(t: ImportT, error: RowError): string {
  const code = (PROBLEM_CODES as readonly string[]).includes(error.code) ? error.code : 'other';
  const other = typeof error.params.other === 'string' ? fieldLabel(t, error.params.other).toLowerCase() : '';
  const problem = t(`permitsImport.problem.${code}` as ImportKey, {
    ...error.params,
    field: fieldLabel(t, error.field),
    other,
  });
  return t('permitsImport.line', { line: String(error.line), problem });
}

/** Why the device refused a permit of the import (rare: the plan already checked every field). */
export function refusalText(t: ImportT, permit: PlannedPermit, rejected: Rejection): string {
  const line = permit.lines[0]!;
  const first = rejected.errors?.[0];
  if (first) return rowErrorText(t, { ...first, line, params: { ...(first.params ?? {}) } });
  const problem =
    rejected.code === 'forbidden'
      ? t('permitsImport.forbidden')
      : t('permitsImport.notSaved', { number: permit.number });
  return t('permitsImport.line', { line: String(line), problem });
}

/** Saves a Blob as a file through a temporary object URL (no inline script, so the strict CSP allows it). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
