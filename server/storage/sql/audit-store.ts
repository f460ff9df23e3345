// The append-only audit log in SQL shared by both dialects: who did what, from which device, when.
import type { AuditEntry, AuditStore, NewAuditEntry } from '../storage';
import type { SqlExecutor, SqlRow, SqlValue } from './sql-executor';
import { toDate, toDateOrNull, toNumber, toStringOrNull } from './sql-executor';

const INSERT = `INSERT INTO audit_log (at, user_id, device_id, device_time, action, detail)
  VALUES (?, ?, ?, ?, ?, ?)`;

function toRow(entry: NewAuditEntry): SqlValue[] {
  return [
    entry.at,
    entry.userId,
    entry.deviceId ?? null,
    entry.deviceTime ?? null,
    entry.action,
    JSON.stringify(entry.detail),
  ];
}

function toEntry(row: SqlRow): AuditEntry {
  // PostgreSQL (jsonb) returns the parsed object; SQLite returns the JSON text.
  const detail = typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail;
  return {
    id: toNumber(row.id),
    at: toDate(row.at),
    userId: toStringOrNull(row.user_id),
    deviceId: toStringOrNull(row.device_id),
    deviceTime: toDateOrNull(row.device_time),
    action: String(row.action),
    detail: (detail ?? {}) as Record<string, unknown>,
  };
}

export function createAuditStore(db: SqlExecutor): AuditStore {
  return {
    async append(entry) {
      const [row] = await db.query(`${INSERT} RETURNING id`, toRow(entry));
      return toNumber(row?.id);
    },
    async appendMany(entries) {
      if (entries.length > 0) await db.executeMany(INSERT, entries.map(toRow));
    },
    async list(options = {}) {
      const params: SqlValue[] = [];
      let where = '';
      if (options.userId !== undefined) {
        where = 'WHERE user_id = ?';
        params.push(options.userId);
      }
      params.push(options.limit ?? 100);
      const rows = await db.query(
        `SELECT id, at, user_id, device_id, device_time, action, detail FROM audit_log ${where}
         ORDER BY id DESC LIMIT ?`,
        params,
      );
      return rows.map(toEntry);
    },
  };
}
