// JSON schemas for request bodies and params; every object rejects unknown fields.
import {
  DEPARTMENT_CODE_PATTERN,
  PASSWORD_MAX_LENGTH,
  ROLES,
  USERNAME_PATTERN,
} from '../../src/domain/users';

const str = (maxLength: number, minLength = 1) => ({ type: 'string', minLength, maxLength }) as const;

/** Generous cap only against abuse; the real rule (12-128 characters) comes with a friendlier message. */
export const passwordSchema = { type: 'string', maxLength: PASSWORD_MAX_LENGTH * 4 } as const;
export const usernameSchema = { type: 'string', pattern: USERNAME_PATTERN } as const;
export const displayNameSchema = str(200);
export const roleSchema = { type: 'string', enum: [...ROLES] } as const;
export const departmentCodeSchema = { type: 'string', pattern: DEPARTMENT_CODE_PATTERN } as const;
export const departmentCodesSchema = { type: 'array', items: departmentCodeSchema, maxItems: 200 } as const;

export const departmentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name'],
  properties: { code: departmentCodeSchema, name: str(200) },
} as const;

export const loginBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'password'],
  // No pattern on login: an odd username is simply a wrong one, not a form error.
  properties: { username: str(200), password: str(PASSWORD_MAX_LENGTH * 4) },
} as const;

export const setupBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['token', 'username', 'displayName', 'password', 'departments'],
  properties: {
    token: str(200),
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    departments: { type: 'array', items: departmentSchema, maxItems: 200 },
  },
} as const;

export const createUserBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'displayName', 'password', 'role', 'departments'],
  properties: {
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    role: roleSchema,
    departments: departmentCodesSchema,
  },
} as const;

export const updateUserBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    displayName: displayNameSchema,
    password: passwordSchema,
    role: roleSchema,
    departments: departmentCodesSchema,
    disabled: { type: 'boolean' },
  },
} as const;

export const userIdParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: str(64) },
} as const;
