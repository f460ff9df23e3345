// From parsed CSV rows to the permits an import would write: values converted, rows with the same permit
// number merged into one permit, every permit checked by the permit kind's own validation, and every problem
// reported with the file's line number. Pure: the page shows the plan, storage writes it.
import type { JsonObject } from '../../../domain/sync/json-value';
import type { FieldError, FieldErrorCode } from '../../../domain/sync/record-kinds';
import { validateFields } from '../../../domain/sync/record-kinds';
import { deterministicUuid } from '../../../domain/sync/record-id';
import { permitKind } from '../permit-kinds';
import type { PermitStatus } from '../lifecycle';
import { cleanText, parseImportDate, parseMoneyCents } from './convert';
import type { CsvRow, ParsedCsv } from './csv';
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

export interface ImportPlan {
  /** Permits without any problem, in the order of their first line. */
  permits: PlannedPermit[];
  /** Permits made from rows that have a problem (left out unless the user fixes the file or mapping). */
  broken: PlannedPermit[];
  errors: RowError[];
  rowCount: number;
  /** Rows left out when the broken permits are skipped (their rows and rows without a number). */
  brokenRows: number;
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

interface ConvertedRow {
  line: number;
  values: JsonObject;
  errors: RowError[];
}

type Column = { target: ImportTarget; index: number };

function convertRow(row: CsvRow, columns: readonly Column[], statuses: StatusMapping): ConvertedRow {
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
 * The import plan for a parsed file. Rows with the same permit number (trimmed) become one permit: the
 * first row's fields, the other rows' different work class, description and notes appended, the earliest
 * application date, the latest issue, final and expiry dates, the largest valuation, and the status of the
 * row applied for last. A conversion problem is reported on its own line; a validation problem of the
 * merged permit on the permit's first line. A required field with no column is one error on line 1.
 */
export function buildImport(csv: ParsedCsv, options: ImportOptions): ImportPlan {
  const { mapping, statuses, dept, fileName } = options;
  const columns: Column[] = [];
  const errors: RowError[] = [];
  for (const target of IMPORT_TARGETS) {
    const header = mapping[target.field];
    const index = header === undefined ? -1 : csv.headers.indexOf(header);
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
  if (errors.length > 0)
    return { permits: [], broken: [], errors, rowCount: csv.rows.length, brokenRows: csv.rows.length };

  const groups = new Map<string, ConvertedRow[]>();
  const unnumbered: ConvertedRow[] = [];
  for (const row of csv.rows) {
    const converted = convertRow(row, columns, statuses);
    const number = converted.values.number;
    if (typeof number !== 'string') {
      unnumbered.push(converted);
      continue;
    }
    const group = groups.get(number);
    if (group) group.push(converted);
    else groups.set(number, [converted]);
  }

  const permits: PlannedPermit[] = [];
  const broken: PlannedPermit[] = [];
  for (const row of unnumbered) {
    errors.push(...row.errors, {
      line: row.line,
      field: 'number',
      code: 'required',
      message: 'Permit number is missing.',
      params: {},
    });
  }
  for (const [number, rows] of groups) {
    const first = rows[0]!.line;
    const fields: JsonObject = { ...mergeRows(rows), importedFrom: fileName };
    if (fields.status === undefined) fields.status = statuses.fallback;
    const rowErrors = rows.flatMap((row) => row.errors);
    const failed = new Set(rowErrors.map((error) => error.field));
    const problems = validateFields(permitKind, fields, { op: 'create' })
      // A value that could not be read is reported once, as unreadable, not again as missing.
      .filter((error) => !(error.code === 'required' && failed.has(error.field)))
      .map((error) => fieldError(first, error));
    const planned: PlannedPermit = {
      id: importedPermitId(dept, number),
      number,
      lines: rows.map((row) => row.line),
      fields,
    };
    if (rowErrors.length > 0 || problems.length > 0) {
      errors.push(...rowErrors, ...problems);
      broken.push(planned);
    } else permits.push(planned);
  }
  errors.sort((a, b) => a.line - b.line);
  const brokenRows = unnumbered.length + broken.reduce((sum, permit) => sum + permit.lines.length, 0);
  return { permits, broken, errors, rowCount: csv.rows.length, brokenRows };
}

/** Distinct status words of the mapped status column (trimmed), most frequent first, for the status step. */
export function statusValues(csv: ParsedCsv, mapping: ColumnMapping): string[] {
  const header = mapping.status;
  const index = header === undefined ? -1 : csv.headers.indexOf(header);
  if (index < 0) return [];
  const counts = new Map<string, number>();
  for (const row of csv.rows) {
    const word = cleanText(row.cells[index]);
    if (word !== undefined) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
}

/** Suggested statuses for the file's words; words with no likely meaning get the fallback. */
export function suggestStatuses(
  words: readonly string[],
  suggest: (word: string) => PermitStatus | null,
  fallback: PermitStatus,
): StatusMapping {
  const byValue: Partial<Record<string, PermitStatus>> = {};
  for (const word of words) byValue[word] = suggest(word) ?? fallback;
  return { byValue, fallback };
}
