// Checking a whole file without holding its permits: a first pass groups the rows by permit number (only
// row indexes are kept), a second builds and validates the permits a chunk at a time and keeps only their
// problems. The write later builds the same permits again, chunk by chunk, from the same rows
// (plannedPermits), so no step holds every row, permit or record of a large file at once. A small file
// (KEEP_BUILT_UP_TO rows) keeps its built permits instead: it saves the second pass, and costs little.
import type { CreateRecordArgs } from '../../../domain/sync/mutation-types';
import { cleanText } from './convert';
import { forRowsAt, type RowSource } from './csv-index';
import {
  convertRow,
  mappedColumns,
  permitFromRows,
  unnumberedErrors,
  type Column,
  type ConvertedRow,
  type ImportOptions,
  type PlannedPermit,
  type RowError,
} from './permit-rows';

/** Rows read per step of the first pass, and permits built per step of the second (and of a write). */
export const ROW_CHUNK = 2_000;
export const PERMIT_CHUNK = 1_000;
/**
 * Up to this many rows, the check keeps the permits it built and the write takes them from there rather
 * than building them again: a few megabytes at most, and it saves the write a second pass over the file.
 * Larger files keep only row indexes, so memory stays flat however many rows they have.
 */
export const KEEP_BUILT_UP_TO = 10_000;

/** What a file would import: counts and problems, and the rows of each permit to build it again from. */
export interface ImportCheck {
  options: ImportOptions;
  rowCount: number;
  /** Every problem, by line. */
  errors: RowError[];
  /** Permits without a problem: what the import writes. */
  permitCount: number;
  /** Permits made from rows that have a problem (left out unless the user fixes the file or mapping). */
  brokenCount: number;
  /** Rows left out when the broken permits are skipped (their rows and rows without a number). */
  brokenRows: number;
  /** Permit p (in order of its first line) is made from rows `rows[start[p]] … rows[start[p + 1] − 1]`. */
  start: Int32Array;
  rows: Int32Array;
  /** The permits without a problem and the broken ones, each in order of their first line. */
  good: Int32Array;
  broken: Int32Array;
  /** For a file of at most `keepBuiltUpTo` rows: the permits without a problem, as the check built them. */
  built?: PlannedPermit[];
}

export interface CheckChunks {
  rowChunk?: number;
  permitChunk?: number;
  keepBuiltUpTo?: number;
}

const EMPTY = new Int32Array(0);

/** Groups the rows by permit number: the index arrays, and the errors of rows that have no number. */
function groupRows(
  source: RowSource,
  columns: readonly Column[],
  options: ImportOptions,
  rowChunk: number,
): { start: Int32Array; rows: Int32Array; unnumbered: number; errors: RowError[] } {
  const numberAt = columns.find((column) => column.target.field === 'number')!.index;
  const permitOf = new Int32Array(source.rowCount);
  // The only per-number structure, and only for this pass: a number's permit (first seen = first line).
  const permitOfNumber = new Map<string, number>();
  const errors: RowError[] = [];
  let unnumbered = 0;
  for (let first = 0; first < source.rowCount; first += rowChunk) {
    source.forRows(first, Math.min(first + rowChunk, source.rowCount), (row, i) => {
      const number = cleanText(row.cells[numberAt]);
      if (number === undefined) {
        permitOf[i] = -1;
        unnumbered++;
        errors.push(...unnumberedErrors(convertRow(row, columns, options.statuses)));
        return;
      }
      let permit = permitOfNumber.get(number);
      if (permit === undefined) permitOfNumber.set(number, (permit = permitOfNumber.size));
      permitOf[i] = permit;
    });
  }
  const start = new Int32Array(permitOfNumber.size + 1);
  for (const permit of permitOf) if (permit >= 0) start[permit + 1]!++;
  for (let p = 0; p < permitOfNumber.size; p++) start[p + 1]! += start[p]!;
  const rows = new Int32Array(source.rowCount - unnumbered);
  const filled = start.slice(0, -1);
  permitOf.forEach((permit, i) => {
    if (permit >= 0) rows[filled[permit]!++] = i;
  });
  return { start, rows, unnumbered, errors };
}

/**
 * Builds the permits `ordinals[from] … ordinals[to − 1]` (in that order) from their rows, reading the rows
 * of all of them in one ascending pass, and hands each to `visit` with its problems.
 */
function buildPermits(
  source: RowSource,
  groups: { start: Int32Array; rows: Int32Array },
  options: ImportOptions,
  ordinals: Int32Array,
  from: number,
  to: number,
  validate: boolean,
  visit: (permit: PlannedPermit, errors: RowError[], ordinal: number) => void,
): void {
  const { columns } = mappedColumns(source.headers, options.mapping);
  const { start, rows } = groups;
  const wanted: number[] = [];
  for (let k = from; k < to; k++) {
    const p = ordinals[k]!;
    for (let r = start[p]!; r < start[p + 1]!; r++) wanted.push(rows[r]!);
  }
  const sorted = Int32Array.from(wanted).sort();
  const converted = new Map<number, ConvertedRow>();
  forRowsAt(source, sorted, (row, i) => converted.set(i, convertRow(row, columns, options.statuses)));
  for (let k = from; k < to; k++) {
    const p = ordinals[k]!;
    const own = Array.from(rows.subarray(start[p]!, start[p + 1]!), (i) => converted.get(i)!);
    const { permit, errors } = permitFromRows(String(own[0]!.values.number), own, options, validate);
    visit(permit, errors, p);
  }
}

/**
 * Checks a file: rows with the same permit number (trimmed) make one permit (see permitFromRows), every
 * permit is validated, and every problem is listed by line (a required field with no column: one error on
 * line 1, and nothing else is checked). Memory: the row indexes and the errors, plus one chunk of rows.
 */
export function checkImport(
  source: RowSource,
  options: ImportOptions,
  chunks: CheckChunks = {},
): ImportCheck {
  const rowChunk = chunks.rowChunk ?? ROW_CHUNK;
  const permitChunk = chunks.permitChunk ?? PERMIT_CHUNK;
  const { rowCount } = source;
  const { columns, errors } = mappedColumns(source.headers, options.mapping);
  if (errors.length > 0) {
    const none = { permitCount: 0, brokenCount: 0, start: new Int32Array(1), rows: EMPTY };
    return { options, rowCount, errors, brokenRows: rowCount, ...none, good: EMPTY, broken: EMPTY };
  }
  const groups = groupRows(source, columns, options, rowChunk);
  errors.push(...groups.errors);
  const permits = groups.start.length - 1;
  const all = Int32Array.from({ length: permits }, (_, p) => p);
  const good: number[] = [];
  const broken: number[] = [];
  const built: PlannedPermit[] | undefined =
    rowCount <= (chunks.keepBuiltUpTo ?? KEEP_BUILT_UP_TO) ? [] : undefined;
  let brokenRows = groups.unnumbered;
  for (let from = 0; from < permits; from += permitChunk) {
    buildPermits(
      source,
      groups,
      options,
      all,
      from,
      Math.min(from + permitChunk, permits),
      true,
      (permit, problems, p) => {
        if (problems.length === 0) {
          good.push(p);
          built?.push(permit);
        } else {
          errors.push(...problems);
          broken.push(p);
          brokenRows += permit.lines.length;
        }
      },
    );
  }
  // Stable: on one line, a row's own problems come before its permit's.
  errors.sort((a, b) => a.line - b.line);
  return {
    options,
    rowCount,
    errors,
    permitCount: good.length,
    brokenCount: broken.length,
    brokenRows,
    start: groups.start,
    rows: groups.rows,
    good: Int32Array.from(good),
    broken: Int32Array.from(broken),
    ...(built ? { built } : {}),
  };
}

/**
 * The permits `from` … `to − 1` of those without a problem (what an import writes), or of the broken ones,
 * built again from the file: the same permits checkImport built.
 */
export function plannedPermits(
  source: RowSource,
  check: ImportCheck,
  from: number,
  to: number,
  which: 'good' | 'broken' = 'good',
): PlannedPermit[] {
  if (which === 'good' && check.built) return check.built.slice(from, to);
  const ordinals = check[which];
  const permits: PlannedPermit[] = [];
  // Checked already: built again without validating (the write validates each create as it writes it).
  buildPermits(source, check, check.options, ordinals, from, Math.min(to, ordinals.length), false, (permit) =>
    permits.push(permit),
  );
  return permits;
}

/** The creates of permits `from` … `to − 1` without a problem, for the batch write. */
export function permitCreates(
  source: RowSource,
  check: ImportCheck,
  from: number,
  to: number,
): CreateRecordArgs[] {
  return plannedPermits(source, check, from, to).map((permit) => ({
    kind: 'permit',
    id: permit.id,
    dept: check.options.dept,
    fields: permit.fields,
  }));
}
