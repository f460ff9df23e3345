// The contact form's values become stored fields: phones to E.164 with one primary, bad rows reported.
import { describe, expect, it } from 'vitest';
import { contactKind } from '../../../domain/contacts/contact-kinds';
import { validateFields } from '../../../domain/sync';
import { buildContact, changedFields, valuesFrom, withoutEmpty } from './contact-values';

const values = (phones: [string, boolean][]) => {
  const v = valuesFrom({ name: 'Ana Ruiz', languages: ['English'] }, 'public-works');
  v.phones = phones.map(([input, primary], i) => ({ key: 100 + i, label: 'mobile', input, primary }));
  return v;
};

describe('buildContact', () => {
  it('stores typed numbers in E.164, keeps the chosen primary and drops empty rows', () => {
    const v = values([
      ['(802) 555-0134', false],
      ['', false],
      ['+44 20 7183 8750', true],
    ]);
    v.languages = 'English, Spanish ,';
    const built = buildContact(v);
    expect(built.phoneErrors).toEqual({});
    expect(built.numbers).toEqual(['+18025550134', '+442071838750']);
    const fields = withoutEmpty(built.fields);
    expect(fields).toEqual({
      name: 'Ana Ruiz',
      languages: ['English', 'Spanish'],
      phones: [
        { label: 'mobile', number: '+18025550134' },
        { label: 'mobile', number: '+442071838750', primary: true },
      ],
    });
    expect(validateFields(contactKind, fields, { op: 'create' })).toEqual([]);
  });

  it('reports a number that cannot be dialled and a number listed twice, by row', () => {
    const built = buildContact(
      values([
        ['555-01', true],
        ['802 555 0134', false],
        ['+1 802-555-0134', false],
      ]),
    );
    expect(built.phoneErrors).toEqual({
      100: 'contacts.error.phoneInvalid',
      102: 'contacts.error.phoneTwice',
    });
  });

  it('reads stored phones back formatted, and an edit sends only what changed', () => {
    const stored = {
      name: 'Ana Ruiz',
      phones: [{ label: 'work', number: '+18025550134', primary: true }],
      lastVerified: '2025-01-02',
    };
    const v = valuesFrom(stored, 'public-works');
    expect(v.phones.map((p) => [p.label, p.input, p.primary])).toEqual([['work', '+1 802 555 0134', true]]);
    expect(changedFields(buildContact(v).fields, stored)).toEqual({});
    v.lastVerified = '2026-03-02';
    v.title = ' Director ';
    expect(changedFields(buildContact(v).fields, stored)).toEqual({
      title: 'Director',
      lastVerified: '2026-03-02',
    });
  });
});
