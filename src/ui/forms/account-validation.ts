// Client-side checks for account and department forms, using the shared rules in src/domain/users.ts,
// and the mapping of a server's `field` path back to a form field.
import {
  isDepartmentCode,
  isUsername,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
} from '../../domain/users';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/use-t';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export interface AccountInput {
  username: string;
  displayName: string;
  password: string;
  /** Checked only when the form asks for the password twice. */
  confirm?: string;
}

export type AccountField = 'username' | 'displayName' | 'password' | 'confirm';

export function validateAccount(t: Translate, input: AccountInput): FieldErrors<AccountField> {
  const errors: FieldErrors<AccountField> = {};
  if (!input.username.trim()) errors.username = t('field.required');
  else if (!isUsername(input.username.trim())) errors.username = t('field.usernameInvalid');
  if (!input.displayName.trim()) errors.displayName = t('field.displayNameRequired');
  const problem = passwordProblem(input.password);
  if (problem === 'too_short') errors.password = t('field.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
  if (problem === 'too_long') errors.password = t('field.passwordTooLong', { max: PASSWORD_MAX_LENGTH });
  if (input.confirm !== undefined && input.confirm !== input.password)
    errors.confirm = t('field.passwordMismatch');
  return errors;
}

export interface DepartmentInput {
  code: string;
  name: string;
}

export type DepartmentField = 'code' | 'name';

/** `takenCodes` are the codes already used (by other rows or existing departments). */
export function validateDepartment(
  t: Translate,
  input: DepartmentInput,
  takenCodes: readonly string[],
): FieldErrors<DepartmentField> {
  const errors: FieldErrors<DepartmentField> = {};
  const code = input.code.trim();
  if (!isDepartmentCode(code)) errors.code = t('field.deptCodeInvalid');
  else if (takenCodes.includes(code)) errors.code = t('field.deptCodeTaken');
  if (!input.name.trim()) errors.name = t('field.deptNameRequired');
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some(Boolean);
}

export interface ServerField {
  /** The top-level request field, e.g. "username" or "departments". */
  name: string;
  index?: number;
  /** The property inside a list item, e.g. "code" in "departments[2].code". */
  property?: string;
}

/** Parses the API's JSON path ("departments[2].code") into its parts. */
export function parseServerField(field: string | undefined): ServerField | null {
  if (!field) return null;
  const match = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(field);
  if (!match) return null;
  const [, name, index, property] = match;
  return {
    name: name!,
    ...(index !== undefined ? { index: Number(index) } : {}),
    ...(property !== undefined ? { property } : {}),
  };
}

/** The message for a field the server rejected (409 on a username means it is taken). */
export function serverFieldMessage(t: Translate, code: string, field: ServerField): string {
  const key: MessageKey =
    code === 'conflict'
      ? field.name === 'username'
        ? 'field.usernameTaken'
        : 'field.deptCodeTaken'
      : 'field.rejected';
  return t(key);
}
