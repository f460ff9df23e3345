// The permit import, pure: parse a CSV, suggest a mapping, build the permits and the row errors.
export { parseCsv, type CsvRow, type ParsedCsv } from './csv';
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
