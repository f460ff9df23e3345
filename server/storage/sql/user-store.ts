// Users and departments in SQL shared by both dialects.
import type { Department, Role } from '../../../src/domain/users';
import type { DepartmentStore, UserRecord, UserStore, UserSummary } from '../storage';
import type { SqlExecutor, SqlRow, SqlValue } from './sql-executor';
import { toDate, toDateOrNull, toNumber } from './sql-executor';

const USER_COLUMNS =
  'id, username, display_name, role, password_hash, disabled, created_at, updated_at, last_login_at';

function toUser(row: SqlRow, departments: string[]): UserRecord {
  return {
    id: String(row.id),
    username: String(row.username),
    displayName: String(row.display_name),
    role: String(row.role) as Role,
    passwordHash: String(row.password_hash),
    disabled: Boolean(row.disabled),
    departments,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    lastLoginAt: toDateOrNull(row.last_login_at),
  };
}

async function departmentsOf(db: SqlExecutor, userId: string): Promise<string[]> {
  const rows = await db.query(
    'SELECT department_code FROM user_departments WHERE user_id = ? ORDER BY department_code',
    [userId],
  );
  return rows.map((r) => String(r.department_code));
}

export function createUserStore(db: SqlExecutor): UserStore {
  const getOne = async (where: string, value: string): Promise<UserRecord | null> => {
    const [row] = await db.query(`SELECT ${USER_COLUMNS} FROM users WHERE ${where} = ?`, [value]);
    return row ? toUser(row, await departmentsOf(db, String(row.id))) : null;
  };
  const setDepartments = async (userId: string, codes: string[]): Promise<void> => {
    await db.execute('DELETE FROM user_departments WHERE user_id = ?', [userId]);
    for (const code of new Set(codes)) {
      await db.execute('INSERT INTO user_departments (user_id, department_code) VALUES (?, ?)', [
        userId,
        code,
      ]);
    }
  };

  return {
    async count() {
      const [row] = await db.query('SELECT COUNT(*) AS n FROM users');
      return toNumber(row?.n ?? 0);
    },
    async create(user) {
      await db.execute(
        `INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          user.id,
          user.username.toLowerCase(),
          user.displayName,
          user.role,
          user.passwordHash,
          user.disabled,
          user.now,
          user.now,
        ],
      );
      await setDepartments(user.id, user.departments);
    },
    getById: (id) => getOne('id', id),
    getByUsername: (username) => getOne('username', username.toLowerCase()),
    async list({ now, idleCutoff }) {
      const rows = await db.query(
        `SELECT ${USER_COLUMNS},
           (SELECT COUNT(*) FROM sessions s WHERE s.user_id = users.id AND s.ended_at IS NULL
              AND s.expires_at > ? AND s.last_seen_at > ?) AS active_sessions
         FROM users ORDER BY username`,
        [now, idleCutoff],
      );
      const links = await db.query(
        'SELECT user_id, department_code FROM user_departments ORDER BY department_code',
      );
      const byUser = new Map<string, string[]>();
      for (const link of links) {
        const list = byUser.get(String(link.user_id)) ?? [];
        list.push(String(link.department_code));
        byUser.set(String(link.user_id), list);
      }
      return rows.map((row): UserSummary => ({
        ...toUser(row, byUser.get(String(row.id)) ?? []),
        activeSessions: toNumber(row.active_sessions),
      }));
    },
    async update(id, patch, now) {
      const sets: string[] = ['updated_at = ?'];
      const params: SqlValue[] = [now];
      const set = (column: string, value: SqlValue | undefined): void => {
        if (value === undefined) return;
        sets.push(`${column} = ?`);
        params.push(value);
      };
      set('display_name', patch.displayName);
      set('role', patch.role);
      set('password_hash', patch.passwordHash);
      set('disabled', patch.disabled);
      set('last_login_at', patch.lastLoginAt);
      const changed = await db.execute(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
      return changed > 0;
    },
    setDepartments,
  };
}

export function createDepartmentStore(db: SqlExecutor): DepartmentStore {
  return {
    async create(department, now) {
      const changed = await db.execute(
        'INSERT INTO departments (code, name, created_at) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING',
        [department.code, department.name, now],
      );
      return changed > 0;
    },
    async list() {
      const rows = await db.query('SELECT code, name FROM departments ORDER BY code');
      return rows.map((r): Department => ({ code: String(r.code), name: String(r.name) }));
    },
  };
}
