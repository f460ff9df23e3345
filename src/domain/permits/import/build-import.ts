// From a city's CSV rows to the permits an import would write: values converted, rows with the same permit
// number merged into one permit, every permit checked by the permit kind's own validation, and every problem
// reported with the file's line number. Pure: the page shows the plan, storage writes it. buildImport gives
// the whole plan at once (small files, tests, bench data); the page checks and writes a file chunk by chunk
// with checkImport and plannedPermits, which build the very same permits.
import type { PermitStatus } from '../lifecycle';
import { checkImport, plannedPermits, ROW_CHUNK } from './check-import';
import { cleanText } from './convert';
import type { ParsedCsv } from './csv';
import { rowSource, type RowSource } from './csv-index';
import type { PlannedPermit, RowError, ImportOptions } from './permit-rows';
import type { ColumnMapping, StatusMapping } from './targets';

export { importedPermitId, type ImportOptions, type PlannedPermit, type RowError } from './permit-rows';

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

/**
 * The import plan for a file, every permit in hand. Rows with the same permit number (trimmed) become one
 * permit: the first row's fields, the other rows' different work class, description and notes appended,
 * the earliest application date, the latest issue, final and expiry dates, the largest valuation, and the
 * status of the row applied for last. A conversion problem is reported on its own line; a validation
 * problem of the merged permit on the permit's first line. A required field with no column is one error on
 * line 1.
 */
export function buildImport(csv: ParsedCsv | RowSource, options: ImportOptions): ImportPlan {
  const source = rowSource(csv);
  const check = checkImport(source, options);
  return {
    permits: plannedPermits(source, check, 0, check.permitCount),
    broken: plannedPermits(source, check, 0, check.brokenCount, 'broken'),
    errors: check.errors,
    rowCount: check.rowCount,
    brokenRows: check.brokenRows,
  };
}

/** Distinct status words of the mapped status column (trimmed), most frequent first, for the status step. */
export function statusValues(csv: ParsedCsv | RowSource, mapping: ColumnMapping): string[] {
  const source = rowSource(csv);
  const header = mapping.status;
  const index = header === undefined ? -1 : source.headers.indexOf(header);
  if (index < 0) return [];
  const counts = new Map<string, number>();
  for (let first = 0; first < source.rowCount; first += ROW_CHUNK) {
    source.forRows(first, Math.min(first + ROW_CHUNK, source.rowCount), (row) => {
      const word = cleanText(row.cells[index]);
      if (word !== undefined) counts.set(word, (counts.get(word) ?? 0) + 1);
    });
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
