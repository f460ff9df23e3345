// Login failure counting and one-time setup tokens in SQL shared by both dialects.
// Both live in the database so that several server processes see the same counts and tokens.
import type { LoginFailureStore, SetupTokenStore } from '../storage';
import type { SqlExecutor } from './sql-executor';
import { toDateOrNull, toNumber } from './sql-executor';

export function createLoginFailureStore(db: SqlExecutor): LoginFailureStore {
  return {
    async record(key, at) {
      await db.execute('INSERT INTO login_failures (key, at) VALUES (?, ?)', [key, at]);
    },
    async stats(key, since) {
      const [row] = await db.query(
        'SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_failures WHERE key = ? AND at > ?',
        [key, since],
      );
      return { count: toNumber(row?.n ?? 0), oldest: toDateOrNull(row?.oldest) };
    },
    async clear(key) {
      await db.execute('DELETE FROM login_failures WHERE key = ?', [key]);
    },
    async prune(before) {
      return db.execute('DELETE FROM login_failures WHERE at < ?', [before]);
    },
  };
}

export function createSetupTokenStore(db: SqlExecutor): SetupTokenStore {
  return {
    async replace(hash, createdAt, expiresAt) {
      await db.execute('DELETE FROM setup_tokens WHERE used_at IS NULL');
      await db.execute('INSERT INTO setup_tokens (hash, created_at, expires_at) VALUES (?, ?, ?)', [
        hash,
        createdAt,
        expiresAt,
      ]);
    },
    async consume(hash, now) {
      // One UPDATE with the conditions in WHERE: of two racing requests only one changes the row.
      const changed = await db.execute(
        'UPDATE setup_tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ?',
        [now, hash, now],
      );
      return changed > 0;
    },
  };
}
