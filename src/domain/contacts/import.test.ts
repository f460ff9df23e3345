import { describe, expect, it } from 'vitest';
import { parseCsv } from '../permits/import/csv';
import {
  buildContactImport,
  contactMethodOf,
  markDeviceDuplicates,
  phoneLabelOf,
  suggestContactMapping,
  suggestPhoneLabels,
  type ContactImportOptions,
} from './import';

// A stand-in for the screens' libphonenumber parser: ten US digits, or "+" and 8–15 digits.
const parsePhone = (text: string): string | null => {
  const digits = text.replace(/\D/g, '');
  if (text.trim().startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  return digits.length === 10 ? `+1${digits}` : null;
};

const FILE = [
  'First Name,Last Name,Job Title,Department,Mobile,Office Phone,Phone 3,E-mail,Preferred,Languages,Last verified',
  'Ana,Ruiz,Director,Public Works,(802) 555-0134,802.555.0199,,ana@example.org,Text,"English, Spanish",2026-01-15',
  'Ben,Ode,Chief,Fire,12345,,,,,,',
  ',,Clerk,Clerks,802-555-0101,,,,,,',
  'ana,RUIZ,Deputy,Public Works,802-555-0177,,,,,,',
  'Cy,Park,Chief,Police,802 555 0199,,,,Pigeon,,yesterday',
  'Dee,Lang,Medic,EMS,+44 20 7183 8750,,,dee@example,,,',
].join('\n');

const options = (csv = parseCsv(FILE)): ContactImportOptions => {
  const mapping = suggestContactMapping(csv.headers);
  return { mapping, phoneLabels: suggestPhoneLabels(mapping), parsePhone };
};

describe('contact import mapping', () => {
  it('suggests a column for each field from common spreadsheet headers', () => {
    const csv = parseCsv(FILE);
    expect(suggestContactMapping(csv.headers)).toEqual({
      firstName: 'First Name',
      lastName: 'Last Name',
      title: 'Job Title',
      department: 'Department',
      phone1: 'Mobile',
      phone2: 'Office Phone',
      phone3: 'Phone 3',
      email: 'E-mail',
      preferredMethod: 'Preferred',
      languages: 'Languages',
      lastVerified: 'Last verified',
    });
    expect(suggestContactMapping(['Name', 'Position', 'Phone', 'Phone Type', 'Radio', 'Notes'])).toEqual({
      name: 'Name',
      position: 'Position',
      phone1: 'Phone',
      phone1Label: 'Phone Type',
      radio: 'Radio',
      notes: 'Notes',
    });
  });

  it('labels phones from the column name, else mobile, work, home', () => {
    expect(suggestPhoneLabels({ phone1: 'Home phone', phone2: 'Cell', phone3: 'Phone 3' })).toEqual([
      'home',
      'mobile',
      'home',
    ]);
    expect(phoneLabelOf('Oficina')).toBe('work');
    expect(phoneLabelOf('')).toBeNull();
    expect(contactMethodOf('SMS')).toBe('text');
    expect(contactMethodOf('E-mail')).toBe('email');
    expect(contactMethodOf('Pigeon')).toBeNull();
  });
});

describe('contact import plan', () => {
  it('builds contacts and reports every bad row with its line', () => {
    const plan = buildContactImport(parseCsv(FILE), options());
    expect(plan.rowCount).toBe(6);
    expect(plan.contacts.map((c) => c.line)).toEqual([2]);
    expect(plan.contacts[0]!.fields).toEqual({
      name: 'Ana Ruiz',
      title: 'Director',
      department: 'Public Works',
      email: 'ana@example.org',
      preferredMethod: 'text',
      languages: ['English', 'Spanish'],
      lastVerified: '2026-01-15',
      phones: [
        { label: 'mobile', number: '+18025550134', primary: true },
        { label: 'work', number: '+18025550199' },
      ],
    });
    expect(plan.broken.map((c) => c.line)).toEqual([3, 4, 5, 6, 7]);
    expect(plan.errors.map((e) => [e.line, e.field, e.code, e.params])).toEqual([
      [3, 'phone1', 'phone_invalid', { value: '12345' }],
      [4, 'name', 'required', {}],
      [5, 'name', 'duplicate_in_file', { other: 2, value: 'ana RUIZ' }],
      [6, 'preferredMethod', 'not_allowed_value', { value: 'Pigeon' }],
      [6, 'lastVerified', 'not_a_date', { value: 'yesterday' }],
      [6, 'phones', 'duplicate_in_file', { other: 2, value: '+18025550199' }],
      [7, 'email', 'wrong_type', {}],
    ]);
  });

  it('needs a name column, or first and last name columns', () => {
    const csv = parseCsv('Phone\n802-555-0134\n');
    const plan = buildContactImport(csv, { mapping: { phone1: 'Phone' }, phoneLabels: [], parsePhone });
    expect(plan.contacts).toEqual([]);
    expect(plan.errors).toMatchObject([{ line: 1, code: 'unmapped', field: 'name' }]);
  });

  it('takes labels from a label column and keeps a number repeated in one row once', () => {
    const csv = parseCsv('Name,Phone,Phone Type,Phone 2\nAna Ruiz,802-555-0134,Home,(802) 555-0134\n');
    const plan = buildContactImport(csv, options(csv));
    expect(plan.errors).toEqual([]);
    expect(plan.contacts[0]!.fields.phones).toEqual([
      { label: 'home', number: '+18025550134', primary: true },
    ]);
  });

  it('moves rows that repeat a contact on the device to the broken ones', () => {
    const csv = parseCsv('Name,Phone\nAna Ruiz,802-555-0134\nBen Ode,802-555-0135\nCy Park,802-555-0136\n');
    const plan = buildContactImport(csv, options(csv));
    const marked = markDeviceDuplicates(plan, [
      { line: 3, name: 'Ben Ode', reason: 'name' },
      { line: 4, name: 'Cyrus Park', reason: 'phone', phone: '+18025550136' },
    ]);
    expect(marked.contacts.map((c) => c.line)).toEqual([2]);
    expect(marked.broken.map((c) => c.line)).toEqual([3, 4]);
    expect(marked.errors.map((e) => [e.line, e.field, e.code, e.params])).toEqual([
      [3, 'name', 'duplicate_on_device', { name: 'Ben Ode' }],
      [4, 'phones', 'duplicate_on_device', { name: 'Cyrus Park', value: '+18025550136' }],
    ]);
    expect(markDeviceDuplicates(plan, [])).toBe(plan);
  });
});
