export declare const ROLES: readonly ["admin", "manager", "clerk", "field", "viewer"];
export type Role = (typeof ROLES)[number];
export declare function isRole(value: unknown): value is Role;
/** A department code: lowercase letters, digits and dashes, 2-32 characters (e.g. "public-works"). */
export declare const DEPARTMENT_CODE_PATTERN = "^[a-z0-9][a-z0-9-]{1,31}$";
export declare function isDepartmentCode(value: unknown): value is string;
/** A username: 3-64 characters, letters, digits, dot, dash, underscore, @. Compared case-insensitively. */
export declare const USERNAME_PATTERN = "^[A-Za-z0-9._@-]{3,64}$";
export declare function isUsername(value: unknown): value is string;
export declare function normalizeUsername(value: string): string;
/** OWASP ASVS: at least 12 characters, at most 128; no composition rules. */
export declare const PASSWORD_MIN_LENGTH = 12;
export declare const PASSWORD_MAX_LENGTH = 128;
export type PasswordProblem = 'too_short' | 'too_long';
export declare function passwordProblem(password: string): PasswordProblem | null;
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
export declare function canManageUsers(role: Role): boolean;
