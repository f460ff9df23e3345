// The permit fields an import can fill, and which of a file's columns most likely holds each of them.
import type { PermitStatus } from '../lifecycle';

export type ImportValueType = 'text' | 'date' | 'money' | 'status';

export interface ImportTarget {
  /** The permit field (valuationCents takes an amount in the file's currency, converted to cents). */
  field: string;
  type: ImportValueType;
  /** A permit cannot be imported without it. */
  required: boolean;
  /** Column names that mean this field, normalised (lowercase letters and digits only), best first. */
  names: readonly string[];
}

const target = (field: string, type: ImportValueType, required: boolean, names: string[]): ImportTarget => ({
  field,
  type,
  required,
  names: [normalizeHeader(field), ...names],
});

/**
 * In the order the mapping step shows them. Names cover Burlington's export (FILENO, FOLDERTYPE, …), the
 * Building and Land Development Specification (PermitNum, OriginalAddress1, …) and common vendor exports.
 */
export const IMPORT_TARGETS: readonly ImportTarget[] = [
  target('number', 'text', true, [
    'fileno',
    'permitnum',
    'permitnumber',
    'permitno',
    'permitid',
    'permit',
    'recordnumber',
    'applicationnumber',
    'casenumber',
  ]),
  target('permitType', 'text', true, [
    'foldertype',
    'permittype',
    'permittypedesc',
    'permittypemapped',
    'recordtype',
    'type',
    'category',
  ]),
  target('workClass', 'text', false, [
    'workdesc',
    'workclass',
    'workclassmapped',
    'worktype',
    'permitclass',
    'class',
  ]),
  target('description', 'text', true, [
    'subdesc',
    'description',
    'workdescription',
    'projectdescription',
    'scopeofwork',
    'scope',
    'desc',
    'proposeduse',
  ]),
  target('address', 'text', true, [
    'originaladdress1',
    'address',
    'siteaddress',
    'streetaddress',
    'propertyaddress',
    'fulladdress',
    'location',
    'originaladdress',
  ]),
  target('parcel', 'text', false, ['pin', 'parcelnumber', 'parcelid', 'apn', 'rollnumber', 'parcelno']),
  target('applicantName', 'text', false, ['applicant', 'ownername', 'owner', 'applicantfullname']),
  target('applicantPhone', 'text', false, ['ownerphone', 'applicantphonenumber']),
  target('applicantEmail', 'text', false, ['owneremail']),
  target('contractorName', 'text', false, [
    'contractorcompanyname',
    'contractor',
    'contractorfullname',
    'contractorcompany',
    'builder',
  ]),
  target('contractorPhone', 'text', false, []),
  target('contractorEmail', 'text', false, []),
  target('contractorLicense', 'text', false, [
    'contractorlicnum',
    'contractorlicensenumber',
    'contractorlicence',
    'contractorstatelic',
  ]),
  target('valuationCents', 'money', false, [
    'valuation',
    'constructvalue',
    'estprojectcost',
    'projectvalue',
    'jobvalue',
    'estimatedcost',
    'constructioncost',
    'declaredvalue',
    'value',
  ]),
  target('appliedDate', 'date', true, [
    'indate',
    'applieddate',
    'applicationdate',
    'dateapplied',
    'submitteddate',
    'filedate',
    'opendate',
  ]),
  target('issuedDate', 'date', false, ['issuedate', 'issueddate', 'dateissued']),
  target('finaledDate', 'date', false, [
    'completeddate',
    'completedate',
    'finaldate',
    'finalizeddate',
    'closeddate',
    'dateclosed',
  ]),
  target('expiryDate', 'date', false, ['expiresdate', 'expirationdate', 'expiredate', 'expires']),
  target('status', 'status', false, [
    'folderstatusdesc',
    'statuscurrent',
    'permitstatus',
    'currentstatus',
    'statuscurrentmapped',
    'status',
  ]),
  target('notes', 'text', false, ['comments', 'remarks', 'note']),
];

/** Which column (by its header text) feeds each field; a field left out is not imported. */
export type ColumnMapping = Partial<Record<string, string>>;

/** How the file's status words become permit statuses, and the status of rows whose word is unknown. */
export interface StatusMapping {
  byValue: Partial<Record<string, PermitStatus>>;
  fallback: PermitStatus;
}

export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The suggested column of each field: the first header (in the order of the field's names) that names it.
 * Each column is suggested for one field at most.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const byName = new Map<string, string>();
  for (const header of headers) {
    const name = normalizeHeader(header);
    if (name && !byName.has(name)) byName.set(name, header);
  }
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const { field, names } of IMPORT_TARGETS) {
    const header = names.map((name) => byName.get(name)).find((h) => h !== undefined && !used.has(h));
    if (header !== undefined) {
      mapping[field] = header;
      used.add(header);
    }
  }
  return mapping;
}

/** Keeps only the parts of a (saved) mapping whose columns exist in this file. */
export function fitMapping(mapping: ColumnMapping, headers: readonly string[]): ColumnMapping {
  const present = new Set(headers);
  const fitted: ColumnMapping = {};
  for (const { field } of IMPORT_TARGETS) {
    const header = mapping[field];
    if (header !== undefined && present.has(header)) fitted[field] = header;
  }
  return fitted;
}
