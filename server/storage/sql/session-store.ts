// Sessions in SQL shared by both dialects. Ids are token hashes; validity rules live in server/auth.
import type { SessionRecord, SessionStore } from '../storage';
import type { SqlExecutor, SqlRow } from './sql-executor';
import { toDate, toDateOrNull, toNumber, toStringOrNull } from './sql-executor';

function toSession(row: SqlRow): SessionRecord {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    createdAt: toDate(row.created_at),
    lastSeenAt: toDate(row.last_seen_at),
    expiresAt: toDate(row.expires_at),
    endedAt: toDateOrNull(row.ended_at),
    userAgent: toStringOrNull(row.user_agent),
    ip: toStringOrNull(row.ip),
  };
}

export function createSessionStore(db: SqlExecutor): SessionStore {
  return {
    async create(s) {
      await db.execute(
        `INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent, ip)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [s.id, s.userId, s.createdAt, s.createdAt, s.expiresAt, s.userAgent, s.ip],
      );
    },
    async get(id) {
      const [row] = await db.query(
        'SELECT id, user_id, created_at, last_seen_at, expires_at, ended_at, user_agent, ip FROM sessions WHERE id = ?',
        [id],
      );
      return row ? toSession(row) : null;
    },
    async touch(id, at) {
      await db.execute('UPDATE sessions SET last_seen_at = ? WHERE id = ? AND ended_at IS NULL', [at, id]);
    },
    async end(id, at) {
      return (
        (await db.execute('UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL', [at, id])) > 0
      );
    },
    async endAllForUser(userId, at, exceptId) {
      return db.execute(
        'UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL AND id <> ?',
        [at, userId, exceptId ?? ''],
      );
    },
    async countActive(userId, { now, idleCutoff }) {
      const [row] = await db.query(
        `SELECT COUNT(*) AS n FROM sessions
         WHERE user_id = ? AND ended_at IS NULL AND expires_at > ? AND last_seen_at > ?`,
        [userId, now, idleCutoff],
      );
      return toNumber(row?.n ?? 0);
    },
    async deleteStale(before) {
      return db.execute('DELETE FROM sessions WHERE ended_at < ? OR expires_at < ?', [before, before]);
    },
  };
}
