// Importing contacts from a spreadsheet (CSV), pure: which column most likely holds each contact field,
// and the plan an import would write, with every problem named by the file's line: a number that is not a
// phone number, a missing name, a row that repeats an earlier row of the file (same name or number) or a
// contact already on the device. Phone numbers are read by a function the caller passes (the Contacts
// screens use libphonenumber-js, which stays in their chunk), so this file has no dependency of its own.
// parseCsv, normalizeHeader, ColumnMapping, cleanText and parseImportDate are the permit import's generic
// parts, reused as they are.
import { normalizeHeader, type ColumnMapping } from '../permits/import/targets';
import { cleanText, parseImportDate } from '../permits/import/convert';
import type { CsvRow, ParsedCsv } from '../permits/import/csv';
import type { JsonObject } from '../sync/json-value';
import type { FieldErrorCode } from '../sync/record-kinds';
import { validateFields } from '../sync/record-kinds';
import type { CONTACT_METHODS, PHONE_LABELS } from './contact-kinds';
import { contactKind, nameKey } from './contact-kinds';

export type { ColumnMapping };
export type PhoneLabel = (typeof PHONE_LABELS)[number];
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** How many phone columns an import maps (a contact may hold more, entered by hand). */
export const IMPORT_PHONES = 3;

export interface ContactImportTarget {
  /** A contact field, or a column-only field: firstName, lastName, phoneN, phoneNLabel. */
  field: string;
  /** Column names that mean this field, normalised (lowercase letters and digits only), best first. */
  names: readonly string[];
}

const target = (field: string, names: string[]): ContactImportTarget => ({
  field,
  names: [normalizeHeader(field), ...names],
});

/** In the order the mapping step shows them. */
export const CONTACT_IMPORT_TARGETS: readonly ContactImportTarget[] = [
  target('name', ['fullname', 'contactname', 'displayname', 'contact']),
  target('firstName', ['first', 'givenname', 'fname', 'forename']),
  target('lastName', ['last', 'surname', 'familyname', 'lname']),
  target('title', ['jobtitle', 'honorific']),
  target('position', ['role', 'icsposition', 'assignment', 'function']),
  target('department', ['dept', 'agency', 'organization', 'organisation', 'org', 'division', 'company']),
  target('phone1', ['phone', 'mobile', 'cell', 'mobilephone', 'cellphone', 'primaryphone', 'phonenumber']),
  target('phone1Label', ['phonetype', 'phonelabel', 'phone1type']),
  target('phone2', ['workphone', 'officephone', 'businessphone', 'office', 'work', 'phone2number']),
  target('phone2Label', ['phone2type']),
  target('phone3', ['homephone', 'home', 'otherphone', 'phone3number']),
  target('phone3Label', ['phone3type']),
  target('email', ['emailaddress', 'mail', 'email1']),
  target('radio', ['radiochannel', 'callsign', 'channel', 'radiocallsign']),
  target('preferredMethod', ['preferred', 'contactmethod', 'preferredcontact', 'preferredcontactmethod']),
  target('languages', ['language', 'langs', 'spokenlanguages']),
  target('notes', ['note', 'comments', 'remarks']),
  target('lastVerified', ['verified', 'verifieddate', 'dateverified', 'lastchecked', 'checked']),
];

/** The suggested column of each field: the first header (in the field's name order) that names it, once. */
export function suggestContactMapping(headers: readonly string[]): ColumnMapping {
  const byName = new Map<string, string>();
  for (const header of headers) {
    const name = normalizeHeader(header);
    if (name && !byName.has(name)) byName.set(name, header);
  }
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const { field, names } of CONTACT_IMPORT_TARGETS) {
    const header = names.map((n) => byName.get(n)).find((h) => h !== undefined && !used.has(h));
    if (header !== undefined) {
      mapping[field] = header;
      used.add(header);
    }
  }
  return mapping;
}

/** A label from a cell or a column name ("Cell", "Office phone"), or null when none fits. */
export function phoneLabelOf(text: string | undefined): PhoneLabel | null {
  const word = normalizeHeader(text ?? '');
  if (!word) return null;
  if (/(mobile|cell|movil|celular)/.test(word)) return 'mobile';
  if (/(work|office|business|desk|trabajo|oficina)/.test(word)) return 'work';
  if (/(home|house|casa|personal)/.test(word)) return 'home';
  if (/(other|otro|pager|fax|alt)/.test(word)) return 'other';
  return null;
}

/** The label each phone column gets when its row has no label cell: from the column's name, else mobile, work, home. */
export function suggestPhoneLabels(mapping: ColumnMapping): PhoneLabel[] {
  const fallback: PhoneLabel[] = ['mobile', 'work', 'home'];
  return fallback.map((label, i) => phoneLabelOf(mapping[`phone${i + 1}`]) ?? label);
}

/** The contact method a cell means ("Phone", "SMS", "E-mail"), or null. */
export function contactMethodOf(text: string): ContactMethod | null {
  const word = normalizeHeader(text);
  if (/^(call|phone|voice|telephone|llamada|llamar|telefono)$/.test(word)) return 'call';
  if (/^(text|sms|textmessage|mensaje|mensajedetexto)$/.test(word)) return 'text';
  if (/^(email|mail|correo|correoelectronico)$/.test(word)) return 'email';
  if (/^radio$/.test(word)) return 'radio';
  return null;
}

export type ContactRowErrorCode =
  FieldErrorCode | 'unmapped' | 'phone_invalid' | 'duplicate_in_file' | 'duplicate_on_device';

/** A problem with one row: the line of the file, the field, a code to translate, and what it names. */
export interface ContactRowError {
  line: number;
  field: string;
  code: ContactRowErrorCode;
  /** English, for logs and tests; the page words it from code and params. */
  message: string;
  params: Record<string, string | number>;
}

export interface PlannedContact {
  line: number;
  fields: JsonObject;
  /** The contact's numbers in E.164, for the duplicate checks. */
  numbers: string[];
}

export interface ContactImportPlan {
  /** Contacts without any problem, in file order. */
  contacts: PlannedContact[];
  /** Rows with a problem, left out unless the user fixes the file. */
  broken: PlannedContact[];
  /** Every problem, by line. */
  errors: ContactRowError[];
  rowCount: number;
}

export interface ContactImportOptions {
  mapping: ColumnMapping;
  /** The label of each phone column for rows without a label cell. */
  phoneLabels: readonly PhoneLabel[];
  /** A typed number as E.164, or null when it is not a phone number. */
  parsePhone: (text: string) => string | null;
}

const error = (
  line: number,
  field: string,
  code: ContactRowErrorCode,
  message: string,
  params: Record<string, string | number> = {},
): ContactRowError => ({ line, field, code, message, params });

function convertRow(
  row: CsvRow,
  column: (field: string) => number,
  options: ContactImportOptions,
): { contact: PlannedContact; errors: ContactRowError[] } {
  const cell = (field: string): string | undefined => {
    const index = column(field);
    return index < 0 ? undefined : cleanText(row.cells[index]);
  };
  const { line } = row;
  const fields: JsonObject = {};
  const errors: ContactRowError[] = [];
  const name = cell('name') ?? [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
  if (name) fields.name = name.replace(/\s+/g, ' ');
  else errors.push(error(line, 'name', 'required', 'Name is missing.'));
  for (const field of ['title', 'position', 'department', 'email', 'radio', 'notes']) {
    const value = cell(field);
    if (value !== undefined) fields[field] = value;
  }
  const method = cell('preferredMethod');
  if (method !== undefined) {
    const chosen = contactMethodOf(method);
    if (chosen) fields.preferredMethod = chosen;
    else
      errors.push(
        error(line, 'preferredMethod', 'not_allowed_value', `is not a contact method: '${method}'`, {
          value: method,
        }),
      );
  }
  const languages = cell('languages')
    ?.split(/[,;/]/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (languages && languages.length > 0) fields.languages = languages;
  const verified = cell('lastVerified');
  if (verified !== undefined) {
    const day = parseImportDate(verified);
    if (day) fields.lastVerified = day;
    else
      errors.push(
        error(line, 'lastVerified', 'not_a_date', `is not a date: '${verified}'`, { value: verified }),
      );
  }
  const phones: JsonObject[] = [];
  for (let i = 1; i <= IMPORT_PHONES; i++) {
    const typed = cell(`phone${i}`);
    if (typed === undefined) continue;
    const number = options.parsePhone(typed);
    if (number === null) {
      errors.push(
        error(line, `phone${i}`, 'phone_invalid', `is not a phone number: '${typed}'`, { value: typed }),
      );
      continue;
    }
    if (phones.some((p) => p.number === number)) continue; // the same number in two columns is kept once
    const label = phoneLabelOf(cell(`phone${i}Label`)) ?? options.phoneLabels[i - 1] ?? 'other';
    phones.push({ label, number, ...(phones.length === 0 ? { primary: true } : {}) });
  }
  if (phones.length > 0) fields.phones = phones;
  const numbers = phones.map((p) => String(p.number));
  return { contact: { line, fields, numbers }, errors };
}

/**
 * The import plan for a parsed file. A row needs a name (the name column, or first and last name); every
 * phone cell must be a phone number; a row whose name (as nameKey compares names) or one of whose numbers
 * was already on an earlier row is a duplicate of that row. Each row is also checked by the contact kind's
 * own validation. Duplicates of contacts already on the device are added by markDeviceDuplicates.
 */
export function buildContactImport(csv: ParsedCsv, options: ContactImportOptions): ContactImportPlan {
  const { mapping } = options;
  const indexOf = new Map<string, number>();
  for (const { field } of CONTACT_IMPORT_TARGETS) {
    const header = mapping[field];
    indexOf.set(field, header === undefined ? -1 : csv.headers.indexOf(header));
  }
  const column = (field: string) => indexOf.get(field) ?? -1;
  const errors: ContactRowError[] = [];
  if (column('name') < 0 && column('firstName') < 0 && column('lastName') < 0) {
    errors.push(error(1, 'name', 'unmapped', 'No column is chosen for the name.'));
    return { contacts: [], broken: [], errors, rowCount: csv.rows.length };
  }
  const contacts: PlannedContact[] = [];
  const broken: PlannedContact[] = [];
  const lineOfName = new Map<string, number>();
  const lineOfNumber = new Map<string, number>();
  for (const row of csv.rows) {
    const { contact, errors: rowErrors } = convertRow(row, column, options);
    const key = nameKey(contact.fields.name);
    const sameName = key ? lineOfName.get(key) : undefined;
    const sameNumber = contact.numbers.map((n) => [n, lineOfNumber.get(n)] as const).find(([, l]) => l);
    if (sameName !== undefined)
      rowErrors.push(
        error(row.line, 'name', 'duplicate_in_file', `has the same name as line ${sameName}`, {
          other: sameName,
          value: String(contact.fields.name),
        }),
      );
    else if (sameNumber)
      rowErrors.push(
        error(row.line, 'phones', 'duplicate_in_file', `has the same number as line ${sameNumber[1]}`, {
          other: sameNumber[1]!,
          value: sameNumber[0],
        }),
      );
    if (key && sameName === undefined) lineOfName.set(key, row.line);
    for (const number of contact.numbers) if (!lineOfNumber.has(number)) lineOfNumber.set(number, row.line);
    const failed = new Set(rowErrors.map((e) => e.field));
    for (const problem of validateFields(contactKind, contact.fields, { op: 'create' }))
      if (!(problem.code === 'required' && failed.has(problem.field)))
        rowErrors.push(
          error(row.line, problem.field, problem.code, problem.message, { ...(problem.params ?? {}) }),
        );
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      broken.push(contact);
    } else contacts.push(contact);
  }
  return { contacts, broken, errors, rowCount: csv.rows.length };
}

/** A contact already on the device that a planned row repeats (found by contact-queries.ts). */
export interface DeviceDuplicate {
  line: number;
  /** The stored contact's name. */
  name: string;
  reason: 'name' | 'phone';
  phone?: string;
}

/** The plan with the rows that repeat a contact on the device moved to the broken ones, each reported. */
export function markDeviceDuplicates(
  plan: ContactImportPlan,
  duplicates: readonly DeviceDuplicate[],
): ContactImportPlan {
  if (duplicates.length === 0) return plan;
  const byLine = new Map<number, DeviceDuplicate>();
  for (const duplicate of duplicates) if (!byLine.has(duplicate.line)) byLine.set(duplicate.line, duplicate);
  const contacts: PlannedContact[] = [];
  const broken = [...plan.broken];
  const errors = [...plan.errors];
  for (const contact of plan.contacts) {
    const found = byLine.get(contact.line);
    if (!found) {
      contacts.push(contact);
      continue;
    }
    broken.push(contact);
    errors.push(
      error(
        contact.line,
        found.reason === 'name' ? 'name' : 'phones',
        'duplicate_on_device',
        `repeats ${found.name}, already on this device`,
        { name: found.name, ...(found.phone ? { value: found.phone } : {}) },
      ),
    );
  }
  errors.sort((a, b) => a.line - b.line);
  broken.sort((a, b) => a.line - b.line);
  return { ...plan, contacts, broken, errors };
}
