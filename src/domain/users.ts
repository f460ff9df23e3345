// Roles and departments: who may do what. Shared by the app and the server; no I/O.

export const ROLES = ['admin', 'manager', 'clerk', 'field', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A department code: lowercase letters, digits and dashes, 2-32 characters (e.g. "public-works"). */
export const DEPARTMENT_CODE_PATTERN = '^[a-z0-9][a-z0-9-]{1,31}$';
const departmentCode = new RegExp(DEPARTMENT_CODE_PATTERN);

export function isDepartmentCode(value: unknown): value is string {
  return typeof value === 'string' && departmentCode.test(value);
}

/** A username: 3-64 characters, letters, digits, dot, dash, underscore, @. Compared case-insensitively. */
export const USERNAME_PATTERN = '^[A-Za-z0-9._@-]{3,64}$';
const username = new RegExp(USERNAME_PATTERN);

export function isUsername(value: unknown): value is string {
  return typeof value === 'string' && username.test(value);
}

export function normalizeUsername(value: string): string {
  return value.trim().toLowerCase();
}

/** OWASP ASVS: at least 12 characters, at most 128; no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long';

export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  return null;
}

export interface UserProfile {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departments: string[];
  disabled: boolean;
}

export interface Department {
  code: string;
  name: string;
}

/** Admins manage accounts; everyone else does not. */
export function canManageUsers(role: Role): boolean {
  return role === 'admin';
}
