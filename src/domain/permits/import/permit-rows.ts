// One permit from its rows of a city's file: cells converted to permit values, rows with the same permit
// number merged, the result checked by the permit kind's own validation, problems named by line. The
// check of a whole file and the write of its permits both build each permit here, so they agree.
import type { JsonObject } from '../../../domain/sync/json-value';
import type { FieldError, FieldErrorCode } from '../../../domain/sync/record-kinds';
import { validateFields } from '../../../domain/sync/record-kinds';
import { deterministicUuid } from '../../../domain/sync/record-id';
import { permitKind } from '../permit-kinds';
import { cleanText, parseImportDate, parseMoneyCents } from './convert';
import type { CsvRow } from './csv';
import { IMPORT_TARGETS, type ColumnMapping, type ImportTarget, type StatusMapping } from './targets';

export interface ImportOptions {
  mapping: ColumnMapping;
  statuses: StatusMapping;
  /** The department every imported permit belongs to. */
  dept: string;
  /** Stored in each permit's importedFrom. */
  fileName: string;
}

/** A problem with one row: the line of the file, the permit field, a code to translate, the cell's text. */
export interface RowError {
  line: number;
  field: string;
  code: FieldErrorCode | 'unmapped';
  /** English, for logs and tests; the page words it from code and params. */
  message: string;
  params: Record<string, string | number>;
}

export interface PlannedPermit {
  /** Derived from (department, number): importing the same file again finds the same records. */
  id: string;
  number: string;
  /** Every line of the file this permit was made from, first to last. */
  lines: number[];
  fields: JsonObject;
}

/** The id an imported permit gets: the same department and number always give the same record. */
export function importedPermitId(dept: string, number: string): string {
  return deterministicUuid('permit-import', dept, number);
}

/** Fields whose values from later rows of the same permit are added to the first row's text. */
const JOINED = new Set(['workClass', 'description', 'notes']);
const EARLIEST = new Set(['appliedDate']);
const LATEST = new Set(['issuedDate', 'finaledDate', 'expiryDate']);
const JOIN = '; ';

export interface ConvertedRow {
  line: number;
  values: JsonObject;
  errors: RowError[];
}

export type Column = { target: ImportTarget; index: number };

/** The file's column of each mapped field, and an error on line 1 for each required field left unmapped. */
export function mappedColumns(
  headers: readonly string[],
  mapping: ColumnMapping,
): { columns: Column[]; errors: RowError[] } {
  const columns: Column[] = [];
  const errors: RowError[] = [];
  for (const target of IMPORT_TARGETS) {
    const header = mapping[target.field];
    const index = header === undefined ? -1 : headers.indexOf(header);
    if (index >= 0) columns.push({ target, index });
    else if (target.required)
      errors.push({
        line: 1,
        field: target.field,
        code: 'unmapped',
        message: `No column is chosen for the required field "${target.field}".`,
        params: {},
      });
  }
  return { columns, errors };
}

export function convertRow(row: CsvRow, columns: readonly Column[], statuses: StatusMapping): ConvertedRow {
  const values: JsonObject = {};
  const errors: RowError[] = [];
  for (const { target, index } of columns) {
    const text = cleanText(row.cells[index]);
    if (text === undefined) continue;
    const { field } = target;
    if (target.type === 'text') values[field] = text;
    else if (target.type === 'status') values[field] = statuses.byValue[text] ?? statuses.fallback;
    else if (target.type === 'date') {
      const date = parseImportDate(text);
      if (date) values[field] = date;
      else
        errors.push({
          line: row.line,
          field,
          code: 'not_a_date',
          message: `is not a date: '${text}'`,
          params: { value: text },
        });
    } else {
      const cents = parseMoneyCents(text);
      if (cents !== null) values[field] = cents;
      else
        errors.push({
          line: row.line,
          field,
          code: 'not_a_number',
          message: `is not an amount: '${text}'`,
          params: { value: text },
        });
    }
  }
  return { line: row.line, values, errors };
}

/** Merges the rows of one permit number (see docs/permits.md, "Repeated permit numbers"). */
function mergeRows(rows: readonly ConvertedRow[]): JsonObject {
  const merged: JsonObject = { ...rows[0]!.values };
  let latest = rows[0]!;
  for (const row of rows.slice(1)) {
    for (const [field, value] of Object.entries(row.values)) {
      const current = merged[field];
      if (current === undefined) merged[field] = value;
      else if (JOINED.has(field)) {
        const parts = String(current).split(JOIN);
        if (!parts.includes(String(value))) merged[field] = `${String(current)}${JOIN}${String(value)}`;
      } else if (EARLIEST.has(field) && String(value) < String(current)) merged[field] = value;
      else if (LATEST.has(field) && String(value) > String(current)) merged[field] = value;
      else if (field === 'valuationCents' && Number(value) > Number(current)) merged[field] = value;
    }
    if (String(row.values.appliedDate ?? '') >= String(latest.values.appliedDate ?? '')) latest = row;
  }
  // The status is the newest row's: later work on a permit says where it stands now.
  if (latest.values.status !== undefined) merged.status = latest.values.status;
  return merged;
}

const fieldError = (line: number, error: FieldError): RowError => ({
  line,
  field: error.field,
  code: error.code,
  message: error.message,
  params: { ...(error.params ?? {}) },
});

/**
 * The permit made from the converted rows of one number (in file order), and its problems: the rows' own
 * conversion problems, then the merged permit's validation problems on its first line (without `validate`,
 * only the rows' own: a permit built again after its check, to be written, is validated by the write).
 */
export function permitFromRows(
  number: string,
  rows: readonly ConvertedRow[],
  options: Pick<ImportOptions, 'statuses' | 'dept' | 'fileName'>,
  validate = true,
): { permit: PlannedPermit; errors: RowError[] } {
  const first = rows[0]!.line;
  const fields: JsonObject = { ...mergeRows(rows), importedFrom: options.fileName };
  if (fields.status === undefined) fields.status = options.statuses.fallback;
  const permit: PlannedPermit = {
    id: importedPermitId(options.dept, number),
    number,
    lines: rows.map((row) => row.line),
    fields,
  };
  const rowErrors = rows.flatMap((row) => row.errors);
  if (!validate) return { permit, errors: rowErrors };
  const failed = new Set(rowErrors.map((error) => error.field));
  const problems = validateFields(permitKind, fields, { op: 'create' })
    // A value that could not be read is reported once, as unreadable, not again as missing.
    .filter((error) => !(error.code === 'required' && failed.has(error.field)))
    .map((error) => fieldError(first, error));
  return { permit, errors: [...rowErrors, ...problems] };
}

/** The errors of a row without a permit number: its own conversion problems, then the missing number. */
export const unnumberedErrors = (row: ConvertedRow): RowError[] => [
  ...row.errors,
  {
    line: row.line,
    field: 'number',
    code: 'required',
    message: 'Permit number is missing.',
    params: {},
  },
];
