// Form validation follows the shared domain rules; server field paths map back to form fields.
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate';
import type { Translate } from '../i18n/use-t';
import { parseServerField, validateAccount, validateDepartment } from './account-validation';

const t = Object.assign(
  (key: Parameters<Translate>[0], params?: Parameters<Translate>[1]) => translate('en', key, params),
  { language: 'en' as const },
);

describe('validateAccount', () => {
  it('accepts a valid account', () => {
    const input = {
      username: 'ada',
      displayName: 'Ada',
      password: 'correct horse battery',
      confirm: 'correct horse battery',
    };
    expect(validateAccount(t, input)).toEqual({});
  });

  it('explains each problem next to its field', () => {
    const errors = validateAccount(t, {
      username: 'a b',
      displayName: ' ',
      password: 'short',
      confirm: 'other',
    });
    expect(errors.username).toBe('Use 3 to 64 letters, digits, dots, dashes, underscores or @.');
    expect(errors.displayName).toBe('Enter a display name.');
    expect(errors.password).toBe('Use at least 12 characters.');
    expect(errors.confirm).toBe('The two passwords are not the same.');
  });
});

describe('validateDepartment', () => {
  it('checks the code pattern, duplicates and the name', () => {
    expect(validateDepartment(t, { code: 'Public Works', name: '' }, [])).toEqual({
      code: expect.stringContaining('lowercase'),
      name: 'Enter the department name.',
    });
    expect(validateDepartment(t, { code: 'fire', name: 'Fire' }, ['fire']).code).toBe(
      'This code is already used.',
    );
    expect(validateDepartment(t, { code: 'fire', name: 'Fire' }, [])).toEqual({});
  });
});

describe('parseServerField', () => {
  it('reads plain and list paths', () => {
    expect(parseServerField('username')).toEqual({ name: 'username' });
    expect(parseServerField('departments[2].code')).toEqual({
      name: 'departments',
      index: 2,
      property: 'code',
    });
    expect(parseServerField('departments[0]')).toEqual({ name: 'departments', index: 0 });
    expect(parseServerField(undefined)).toBeNull();
  });
});
