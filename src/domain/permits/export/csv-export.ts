// Permits as CSV: Holdfast's own columns (which the import reads back), or the column names of the Building
// and Land Development Specification (BLDS) that open-data portals use. Written in chunks of rows so a
// caller can build a Blob from parts instead of one giant string.
import type { JsonObject } from '../../../domain/sync/json-value';
import { STATUS_LABELS, isPermitStatus } from '../lifecycle';
import { formatMoney } from '../import/convert';

export type ExportFormat = 'holdfast' | 'blds';

/** What export needs of a stored permit. */
export interface ExportedPermit {
  dept: string;
  fields: JsonObject;
}

interface ExportColumn {
  header: string;
  value(permit: ExportedPermit): string;
}

const field =
  (name: string) =>
  ({ fields }: ExportedPermit): string => {
    const value = fields[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
const money = ({ fields }: ExportedPermit): string =>
  typeof fields.valuationCents === 'number' ? formatMoney(fields.valuationCents) : '';
const blank = (): string => '';

/** Holdfast's columns: field names, money as a decimal amount. The import suggests each of them back. */
export const HOLDFAST_COLUMNS: readonly ExportColumn[] = [
  ...[
    'number',
    'provisionalNumber',
    'status',
    'permitType',
    'workClass',
    'description',
    'address',
    'parcel',
  ].map((name) => ({ header: name, value: field(name) })),
  ...['applicantName', 'applicantPhone', 'applicantEmail'].map((name) => ({
    header: name,
    value: field(name),
  })),
  ...['contractorName', 'contractorPhone', 'contractorEmail', 'contractorLicense'].map((name) => ({
    header: name,
    value: field(name),
  })),
  { header: 'valuation', value: money },
  ...['appliedDate', 'issuedDate', 'finaledDate', 'expiryDate', 'notes', 'importedFrom'].map((name) => ({
    header: name,
    value: field(name),
  })),
  { header: 'department', value: (permit) => permit.dept },
];

const statusWords = ({ fields }: ExportedPermit): string =>
  isPermitStatus(fields.status) ? STATUS_LABELS[fields.status] : '';

/**
 * BLDS core and contractor columns (see docs/permits.md for the mapping). Holdfast keeps the address as one
 * line and no property class, so OriginalCity/State/Zip and PermitClass are written empty.
 */
export const BLDS_COLUMNS: readonly ExportColumn[] = [
  { header: 'PermitNum', value: (p) => field('number')(p) || field('provisionalNumber')(p) },
  { header: 'Description', value: field('description') },
  { header: 'AppliedDate', value: field('appliedDate') },
  { header: 'IssuedDate', value: field('issuedDate') },
  { header: 'CompletedDate', value: field('finaledDate') },
  { header: 'StatusCurrent', value: statusWords },
  { header: 'OriginalAddress1', value: field('address') },
  { header: 'OriginalAddress2', value: blank },
  { header: 'OriginalCity', value: blank },
  { header: 'OriginalState', value: blank },
  { header: 'OriginalZip', value: blank },
  { header: 'Jurisdiction', value: (permit) => permit.dept },
  { header: 'PermitClass', value: blank },
  { header: 'WorkClass', value: field('workClass') },
  { header: 'PermitType', value: field('permitType') },
  { header: 'PermitTypeDesc', value: field('permitType') },
  { header: 'ExpiresDate', value: field('expiryDate') },
  { header: 'EstProjectCost', value: money },
  { header: 'PIN', value: field('parcel') },
  { header: 'ContractorCompanyName', value: field('contractorName') },
  { header: 'ContractorPhone', value: field('contractorPhone') },
  { header: 'ContractorEmail', value: field('contractorEmail') },
  { header: 'ContractorLicNum', value: field('contractorLicense') },
];

export const EXPORT_COLUMNS: Readonly<Record<ExportFormat, readonly ExportColumn[]>> = {
  holdfast: HOLDFAST_COLUMNS,
  blds: BLDS_COLUMNS,
};

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell (RFC 4180): quoted when it holds a comma, quote, line break or edge spaces. */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const line = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The header line of a format, with a byte-order mark so spreadsheet programs read UTF-8. */
export function csvHeader(format: ExportFormat): string {
  return `\uFEFF${line(EXPORT_COLUMNS[format].map((column) => column.header))}`;
}

/** The lines of some permits (one chunk of the file). */
export function csvRows(format: ExportFormat, permits: readonly ExportedPermit[]): string {
  const columns = EXPORT_COLUMNS[format];
  let out = '';
  for (const permit of permits) out += line(columns.map((column) => column.value(permit)));
  return out;
}

/** A file name like "permits-2026-11-26.csv" or "permits-blds-2026-11-26.csv". */
export function exportFileName(format: ExportFormat, today: string): string {
  return format === 'blds' ? `permits-blds-${today}.csv` : `permits-${today}.csv`;
}
