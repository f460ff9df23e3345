// The permit import, pure: parse or index a CSV, suggest a mapping, check the permits and build them.
export { parseCsv, type CsvRow, type ParsedCsv } from './csv';
export { indexCsv, parsedRows, textRows, type CsvIndex, type RowSource } from './csv-index';
export { cleanText, formatMoney, parseImportDate, parseMoneyCents, suggestStatus } from './convert';
export {
  IMPORT_TARGETS,
  fitMapping,
  normalizeHeader,
  suggestMapping,
  type ColumnMapping,
  type ImportTarget,
  type ImportValueType,
  type StatusMapping,
} from './targets';
export {
  buildImport,
  importedPermitId,
  statusValues,
  suggestStatuses,
  type ImportOptions,
  type ImportPlan,
  type PlannedPermit,
  type RowError,
} from './build-import';
export { checkImport, permitCreates, plannedPermits, type ImportCheck } from './check-import';
