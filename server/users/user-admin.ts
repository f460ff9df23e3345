// Account administration shared by the HTTP admin routes, the setup flow and the user CLI:
// the checks (password rules, known departments, unique username, no self-lockout) and the audit entries.
import crypto from 'node:crypto';
import type { Department, Role } from '../../src/domain/users';
import {
  isDepartmentCode,
  isRole,
  isUsername,
  normalizeUsername,
  passwordProblem,
  ROLES,
} from '../../src/domain/users';
import { hashPassword } from '../auth/passwords';
import type { ServerConfig } from '../config';
import { ApiError, badRequest, notFound } from '../errors';
import type { Storage, StorageStores, UserPatch, UserRecord } from '../storage/storage';

type AdminConfig = Pick<ServerConfig, 'now'>;

/** Who is acting: a signed-in user (with their session) or the command line. */
export interface Actor {
  userId: string | null;
  sessionId?: string;
  via: 'api' | 'cli' | 'setup';
}

export function checkPassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem === 'too_short') throw badRequest('The password must be at least 12 characters long.', field);
  if (problem === 'too_long') throw badRequest('The password must be at most 128 characters long.', field);
}

function checkRole(role: string): asserts role is Role {
  if (!isRole(role)) throw badRequest(`Unknown role "${role}". Use one of: ${ROLES.join(', ')}.`, 'role');
}

async function checkDepartments(
  stores: StorageStores,
  codes: string[],
  field = 'departments',
): Promise<void> {
  const known = new Set((await stores.departments.list()).map((d) => d.code));
  codes.forEach((code, i) => {
    if (!known.has(code))
      throw badRequest(`There is no department with the code "${code}".`, `${field}[${i}]`);
  });
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  role: string;
  departments: string[];
}

export interface PreparedAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  departments: string[];
}

/** Validates and hashes outside any transaction: hashing is slow and must not hold a database lock. */
export async function prepareAccount(
  stores: StorageStores,
  config: AdminConfig,
  input: NewAccount,
  options: { checkDepartments: boolean } = { checkDepartments: true },
): Promise<PreparedAccount> {
  if (!isUsername(input.username)) {
    throw badRequest('A username is 3 to 64 letters, digits, dots, dashes, underscores or @.', 'username');
  }
  const displayName = input.displayName.trim();
  if (displayName.length === 0) throw badRequest('The display name must not be empty.', 'displayName');
  checkRole(input.role);
  checkPassword(input.password);
  if (options.checkDepartments) await checkDepartments(stores, input.departments);
  return {
    id: crypto.randomUUID(),
    username: normalizeUsername(input.username),
    displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    departments: [...new Set(input.departments)],
  };
}

/** Inserts a prepared account (409 if the username is taken) and audits it; run inside a transaction. */
export async function insertAccount(
  tx: StorageStores,
  config: AdminConfig,
  account: PreparedAccount,
  actor: Actor,
): Promise<UserRecord> {
  if (await tx.users.getByUsername(account.username)) {
    throw new ApiError(409, 'conflict', `The username "${account.username}" is already taken.`, 'username');
  }
  await tx.users.create({ ...account, disabled: false, now: config.now() });
  const { passwordHash: _hash, ...logged } = account;
  await audit(tx, config, actor, 'user.create', { ...logged, targetUserId: account.id });
  const created = await tx.users.getById(account.id);
  if (!created) throw new Error('user vanished after insert');
  return created;
}

export async function createAccount(
  storage: Storage,
  config: AdminConfig,
  input: NewAccount,
  actor: Actor,
): Promise<UserRecord> {
  // Fail fast on a taken name before paying for scrypt; insertAccount checks again inside the transaction.
  const taken =
    isUsername(input.username) && (await storage.users.getByUsername(normalizeUsername(input.username)));
  if (taken)
    throw new ApiError(409, 'conflict', `The username "${taken.username}" is already taken.`, 'username');
  const account = await prepareAccount(storage, config, input);
  return storage.transaction((tx) => insertAccount(tx, config, account, actor));
}

export interface AccountChanges {
  displayName?: string;
  password?: string;
  role?: string;
  departments?: string[];
  disabled?: boolean;
}

/** Applies changes; disabling or a new password ends the user's sessions (except the actor's own). */
export async function updateAccount(
  storage: Storage,
  config: AdminConfig,
  userId: string,
  changes: AccountChanges,
  actor: Actor,
): Promise<UserRecord> {
  const user = await storage.users.getById(userId);
  if (!user) throw notFound('This user');
  const self = actor.userId === user.id;
  if (self && changes.disabled === true) throw badRequest('You cannot disable your own account.', 'disabled');
  if (self && changes.role !== undefined && changes.role !== user.role && user.role === 'admin') {
    throw badRequest('You cannot remove the administrator role from your own account.', 'role');
  }
  const patch: UserPatch = {};
  if (changes.displayName !== undefined) {
    patch.displayName = changes.displayName.trim();
    if (patch.displayName.length === 0)
      throw badRequest('The display name must not be empty.', 'displayName');
  }
  if (changes.role !== undefined) {
    checkRole(changes.role);
    patch.role = changes.role;
  }
  if (changes.password !== undefined) {
    checkPassword(changes.password);
    patch.passwordHash = await hashPassword(changes.password);
  }
  if (changes.disabled !== undefined) patch.disabled = changes.disabled;
  if (changes.departments !== undefined) await checkDepartments(storage, changes.departments);

  return storage.transaction(async (tx) => {
    const now = config.now();
    await tx.users.update(user.id, patch, now);
    if (changes.departments !== undefined) await tx.users.setDepartments(user.id, changes.departments);
    let endedSessions = 0;
    if (patch.disabled === true || patch.passwordHash !== undefined) {
      endedSessions = await tx.sessions.endAllForUser(user.id, now, self ? actor.sessionId : undefined);
    }
    const { password: _password, ...logged } = changes;
    await audit(tx, config, actor, 'user.update', {
      targetUserId: user.id,
      username: user.username,
      ...logged,
      ...(changes.password !== undefined ? { passwordChanged: true } : {}),
      endedSessions,
    });
    const updated = await tx.users.getById(user.id);
    if (!updated) throw notFound('This user');
    return updated;
  });
}

export async function endAccountSessions(
  stores: StorageStores,
  config: AdminConfig,
  userId: string,
  actor: Actor,
): Promise<number> {
  const user = await stores.users.getById(userId);
  if (!user) throw notFound('This user');
  const ended = await stores.sessions.endAllForUser(user.id, config.now());
  await audit(stores, config, actor, 'user.end_sessions', {
    targetUserId: user.id,
    username: user.username,
    ended,
  });
  return ended;
}

export async function createDepartment(
  stores: StorageStores,
  config: AdminConfig,
  department: Department,
  actor: Actor,
): Promise<Department> {
  if (!isDepartmentCode(department.code)) {
    throw badRequest('A department code is 2 to 32 lowercase letters, digits or dashes.', 'code');
  }
  const name = department.name.trim();
  if (name.length === 0) throw badRequest('The department name must not be empty.', 'name');
  if (!(await stores.departments.create({ code: department.code, name }, config.now()))) {
    throw new ApiError(
      409,
      'conflict',
      `A department with the code "${department.code}" already exists.`,
      'code',
    );
  }
  await audit(stores, config, actor, 'department.create', { code: department.code, name });
  return { code: department.code, name };
}

export async function audit(
  stores: StorageStores,
  config: Pick<ServerConfig, 'now'>,
  actor: Actor,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await stores.audit.append({
    at: config.now(),
    userId: actor.userId,
    action,
    detail: { via: actor.via, ...detail },
  });
}
