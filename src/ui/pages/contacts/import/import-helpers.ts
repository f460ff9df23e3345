// Words for the contact import: a row problem as a sentence in the reader's language, a field's label.
import type { ContactRowError } from '../../../../domain/contacts/import';
import type { ContactsImportKey, ContactsImportT } from './messages';

const PROBLEM_CODES = [
  'required',
  'unmapped',
  'phone_invalid',
  'duplicate_in_file',
  'duplicate_on_device',
  'not_a_date',
  'not_allowed_value',
  'too_long',
] as const;

/** Fields that exist only as columns of the file (first name, phone 2, …) have the page's own labels. */
const IMPORT_ONLY = /^(firstName|lastName|phone[123](Label)?)$/;

/** The label of a field or column target ("Phone 2", "Department"). */
export function targetLabel(t: ContactsImportT, field: string): string {
  if (field === 'name') return t('contactsImport.target.name');
  if (IMPORT_ONLY.test(field)) return t(`contactsImport.target.${field}` as ContactsImportKey);
  return t(`contacts.field.${field}` as ContactsImportKey);
}

/** "Line 17: Phone 1 is not a phone number: “12345”." */
export function rowErrorText(t: ContactsImportT, error: ContactRowError): string {
  const code = (PROBLEM_CODES as readonly string[]).includes(error.code) ? error.code : 'other';
  const field =
    error.code === 'required' && error.field === 'name'
      ? t('contacts.field.name')
      : targetLabel(t, error.field);
  const problem = t(`contactsImport.problem.${code}` as ContactsImportKey, {
    value: '',
    max: '',
    ...error.params,
    field,
    what: t(error.field === 'name' ? 'contactsImport.what.name' : 'contactsImport.what.phones'),
  });
  return t('contactsImport.line', { line: String(error.line), problem });
}
