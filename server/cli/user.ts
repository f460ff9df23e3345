// `npm run user -- <command>`: manage accounts and departments from the server's shell, against the same
// database as the server (SQLite file in DATA_DIR, or DATABASE_URL). Passwords come from stdin, never argv.
import { parseArgs } from 'node:util';
import { ROLES } from '../../src/domain/users';
import { activeWindow } from '../auth/sessions';
import { ConfigError, loadConfig, type ServerConfig } from '../config';
import { ApiError } from '../errors';
import { openStorage } from '../storage/open-storage';
import type { Storage } from '../storage/storage';
import { createAccount, createDepartment, updateAccount, type Actor } from '../users/user-admin';
import { readPassword } from './read-password';

const USAGE = `Usage: npm run user -- <command>

  add <username> --role <role> [--departments a,b] [--name "Full Name"]
                              create an account; the password is read from stdin
  reset <username>            set a new password (read from stdin); ends the user's sessions
  disable <username>          disable the account; ends its sessions
  enable <username>           enable the account again
  list                        list accounts
  departments add <code> <name>
                              create a department (code: lowercase letters, digits, dashes)
  departments list            list departments

Roles: ${ROLES.join(', ')}
The password is asked twice on a terminal, or read from the first line of piped input:
  printf '%s\\n' "$PASSWORD" | npm run user -- add alice --role clerk --departments roads`;

class UsageError extends Error {}

const actor: Actor = { userId: null, via: 'cli' };

async function findUser(storage: Storage, username: string) {
  const user = await storage.users.getByUsername(username);
  if (!user) throw new UsageError(`There is no user "${username}". See: npm run user -- list`);
  return user;
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`Missing ${what}.`);
  return value;
}

async function run(args: string[], config: ServerConfig, storage: Storage): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: 'string' }, departments: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'add': {
      const username = need(rest[0], 'the username');
      const role = need(values.role, '--role (one of ' + ROLES.join(', ') + ')');
      if (!(ROLES as readonly string[]).includes(role)) {
        throw new UsageError(`Unknown role "${role}". Use one of: ${ROLES.join(', ')}.`);
      }
      const departments = (values.departments ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean);
      const password = await readPassword();
      const user = await createAccount(
        storage,
        config,
        { username, displayName: values.name ?? username, password, role, departments },
        actor,
      );
      return `Created ${user.role} "${user.username}"${departments.length ? ` in ${departments.join(', ')}` : ''}.`;
    }
    case 'reset': {
      const user = await findUser(storage, need(rest[0], 'the username'));
      const password = await readPassword();
      await updateAccount(storage, config, user.id, { password }, actor);
      return `New password set for "${user.username}"; their sessions were ended.`;
    }
    case 'disable':
    case 'enable': {
      const user = await findUser(storage, need(rest[0], 'the username'));
      await updateAccount(storage, config, user.id, { disabled: command === 'disable' }, actor);
      return command === 'disable'
        ? `Disabled "${user.username}"; their sessions were ended.`
        : `Enabled "${user.username}".`;
    }
    case 'list': {
      const users = await storage.users.list(activeWindow(config));
      if (users.length === 0) return 'No users yet.';
      return users
        .map((u) =>
          [
            u.username.padEnd(24),
            u.role.padEnd(8),
            (u.disabled ? 'disabled' : 'active').padEnd(9),
            `sessions:${u.activeSessions}`.padEnd(12),
            `last login: ${u.lastLoginAt?.toISOString() ?? 'never'}`.padEnd(38),
            u.departments.join(',') || '-',
          ].join(' '),
        )
        .join('\n');
    }
    case 'departments': {
      const [sub, code, ...nameParts] = rest;
      if (sub === 'list') {
        const list = await storage.departments.list();
        return list.length === 0
          ? 'No departments yet.'
          : list.map((d) => `${d.code.padEnd(32)} ${d.name}`).join('\n');
      }
      if (sub !== 'add') throw new UsageError('Use "departments add <code> <name>" or "departments list".');
      const department = {
        code: need(code, 'the department code'),
        name: need(nameParts.join(' '), 'the department name'),
      };
      await storage.transaction((tx) => createDepartment(tx, config, department, actor));
      return `Created department "${department.code}" (${department.name}).`;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  }
}

function explain(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.field?.startsWith('departments')) {
      const code = /"([^"]+)"/.exec(error.message)?.[1] ?? '<code>';
      return `${error.message} Create it first: npm run user -- departments add ${code} "<Name>"`;
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    console.log(USAGE);
    return args.length === 0 ? 2 : 0;
  }
  let config: ServerConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : explain(error));
    return 1;
  }
  const storage = await openStorage(config);
  try {
    console.log(await run(args, config, storage));
    return 0;
  } catch (error) {
    console.error(`Error: ${explain(error)}`);
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error))
      console.error(`\n${USAGE}`);
    return 1;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${explain(error)}`);
    process.exit(1);
  },
);
