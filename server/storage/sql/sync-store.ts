// Synced records, the revision counter and per-device push bookkeeping in SQL shared by both dialects.
// The counter is one row: `UPDATE ... RETURNING` takes its row lock, which every push holds until commit,
// so two processes on one PostgreSQL can never commit revs out of order.
import type { FieldWriter, SyncRecord } from '../../../src/domain/sync/sync-record';
import type { RecordPageQuery, StoredPushResult, SyncClient, SyncStore } from '../storage';
import type { SqlDialect, SqlExecutor, SqlRow, SqlValue } from './sql-executor';
import { jsonQuoteSql, toNumber } from './sql-executor';

/** Ids bound in one `IN (...)` read: well under SQLite's 32,766 variables and PostgreSQL's 65,535. */
export const MAX_IDS_PER_READ = 10_000;

const RECORD_COLUMNS =
  'id, kind, dept, rev, created_at, updated_at, created_by, updated_by, deleted, fields, field_revs, field_writers';

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function toRecord(row: SqlRow): SyncRecord {
  return {
    id: String(row.id),
    kind: String(row.kind),
    dept: String(row.dept),
    rev: toNumber(row.rev),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    createdBy: String(row.created_by),
    updatedBy: String(row.updated_by),
    deleted: Boolean(row.deleted),
    fields: json(row.fields) as SyncRecord['fields'],
    fieldRevs: json(row.field_revs) as Record<string, number>,
    fieldWriters: json(row.field_writers) as Record<string, FieldWriter>,
  };
}

/**
 * A SQL expression giving a record's public JSON text, as JSON.stringify(toPublicRecord(record)) writes it
 * (same keys, same order, same escaping), built by the database so that a pull page costs one string per
 * row instead of an object per row and a string assembled from it. The stored fields text is
 * JSON.stringify output (putRecords writes nothing else), so it goes in as it is.
 */
function publicJsonSql(dialect: SqlDialect): string {
  const quote = (column: string) => jsonQuoteSql(dialect, column);
  return (
    `'{"id":' || ${quote('id')} || ',"kind":' || ${quote('kind')} || ',"dept":' || ${quote('dept')}` +
    ` || ',"rev":' || rev || ',"createdAt":' || ${quote('created_at')}` +
    ` || ',"updatedAt":' || ${quote('updated_at')} || ',"createdBy":' || ${quote('created_by')}` +
    ` || ',"updatedBy":' || ${quote('updated_by')}` +
    ` || ',"deleted":' || CASE WHEN deleted THEN 'true' ELSE 'false' END || ',"fields":' || fields || '}'`
  );
}

function toClient(row: SqlRow): SyncClient {
  return { clientId: String(row.client_id), userId: String(row.user_id), lastSeq: toNumber(row.last_seq) };
}

function toResult(row: SqlRow): StoredPushResult {
  const conflictIds = row.conflict_ids == null ? undefined : (json(row.conflict_ids) as string[]);
  return {
    seq: toNumber(row.seq),
    status: String(row.status) as StoredPushResult['status'],
    ...(row.rev == null ? {} : { rev: toNumber(row.rev) }),
    ...(row.reason == null ? {} : { reason: json(row.reason) as StoredPushResult['reason'] }),
    ...(conflictIds === undefined ? {} : { conflictIds }),
    ...(row.fingerprint == null ? {} : { fingerprint: String(row.fingerprint) }),
  };
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

export function createSyncStore(db: SqlExecutor): SyncStore {
  const getClient = async (clientId: string): Promise<SyncClient | null> => {
    const [row] = await db.query(
      'SELECT client_id, user_id, last_seq FROM sync_clients WHERE client_id = ?',
      [clientId],
    );
    return row ? toClient(row) : null;
  };
  const lockRevision = async (): Promise<number> => {
    // A no-op write: its only purpose is the row lock, held until the transaction ends.
    const [row] = await db.query('UPDATE sync_counter SET value = value WHERE id = 1 RETURNING value');
    return toNumber(row?.value ?? 0);
  };
  /** Rows with rev > after, in rev order, of the given departments (null: all), read with `run`. */
  const recordPage = async <T>(
    columns: string,
    query: RecordPageQuery,
    run: (sql: string, params: SqlValue[]) => Promise<T[]>,
  ): Promise<T[]> => {
    const { after, departments, limit } = query;
    if (departments !== null && departments.length === 0) return [];
    const params: SqlValue[] = [after];
    let scope = '';
    if (departments !== null) {
      scope = `AND dept IN (${placeholders(departments.length)})`;
      params.push(...departments);
    }
    params.push(limit);
    return run(`SELECT ${columns} FROM records WHERE rev > ? ${scope} ORDER BY rev LIMIT ?`, params);
  };
  const publicColumns = `${publicJsonSql(db.dialect)} AS json, rev`;
  const scalar = async (sql: string): Promise<number> => {
    const [row] = await db.query(sql);
    return toNumber(row?.value ?? 0);
  };

  return {
    lockRevision,
    async setRevision(value) {
      await db.execute('UPDATE sync_counter SET value = ? WHERE id = 1', [value]);
    },
    revision: () => scalar('SELECT value FROM sync_counter WHERE id = 1'),
    async listSeries() {
      const rows = await db.query('SELECT name, value FROM number_series');
      return new Map(rows.map((row) => [String(row.name), toNumber(row.value)]));
    },
    async setSeries(values) {
      for (const [name, value] of values) {
        await db.execute(
          `INSERT INTO number_series (name, value) VALUES (?, ?)
           ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
          [name, value],
        );
      }
    },
    tombstoneHorizon: () => scalar('SELECT tombstone_horizon AS value FROM sync_state WHERE id = 1'),
    getClient,
    async claimClient(clientId, userId, now) {
      await db.execute(
        `INSERT INTO sync_clients (client_id, user_id, last_seq, created_at, updated_at)
         VALUES (?, ?, 0, ?, ?) ON CONFLICT (client_id) DO NOTHING`,
        [clientId, userId, now, now],
      );
      const client = await getClient(clientId);
      if (!client) throw new Error('sync client vanished after insert');
      return client;
    },
    async setLastSeq(clientId, lastSeq, now) {
      await db.execute('UPDATE sync_clients SET last_seq = ?, updated_at = ? WHERE client_id = ?', [
        lastSeq,
        now,
        clientId,
      ]);
    },
    async getResults(clientId, from, to) {
      const rows = await db.query(
        `SELECT seq, status, rev, reason, conflict_ids, fingerprint FROM sync_results
         WHERE client_id = ? AND seq >= ? AND seq <= ? ORDER BY seq`,
        [clientId, from, to],
      );
      return new Map(rows.map((row) => [toNumber(row.seq), toResult(row)]));
    },
    async saveResults(clientId, results) {
      await db.executeMany(
        `INSERT INTO sync_results (client_id, seq, status, rev, reason, conflict_ids, fingerprint)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        results.map((result) => [
          clientId,
          result.seq,
          result.status,
          result.rev ?? null,
          result.reason ? JSON.stringify(result.reason) : null,
          result.conflictIds ? JSON.stringify(result.conflictIds) : null,
          result.fingerprint ?? null,
        ]),
      );
    },
    async getRecords(ids) {
      // A push may name tens of thousands of ids (an imported file's batch of record.createMany entries):
      // more than one statement may bind on SQLite (32,766), so they are read a slice at a time.
      const records: SyncRecord[] = [];
      for (let at = 0; at < ids.length; at += MAX_IDS_PER_READ) {
        const slice = ids.slice(at, at + MAX_IDS_PER_READ);
        const rows = await db.query(
          `SELECT ${RECORD_COLUMNS} FROM records WHERE id IN (${placeholders(slice.length)})`,
          slice,
        );
        for (const row of rows) records.push(toRecord(row));
      }
      return records;
    },
    async putRecords(records, now) {
      // One multi-row upsert cannot touch a row twice (PostgreSQL refuses): the last version of each wins.
      const latest = new Map<string, SyncRecord>();
      for (const r of records) {
        if (r.rev === undefined) throw new Error(`record ${r.id} has no rev`);
        latest.delete(r.id);
        latest.set(r.id, r);
      }
      if (latest.size === 0) return;
      await db.executeMany(
        `INSERT INTO records (${RECORD_COLUMNS}, written_at) VALUES (${placeholders(13)})
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, dept = excluded.dept, rev = excluded.rev,
           created_at = excluded.created_at, updated_at = excluded.updated_at,
           created_by = excluded.created_by, updated_by = excluded.updated_by, deleted = excluded.deleted,
           fields = excluded.fields, field_revs = excluded.field_revs,
           field_writers = excluded.field_writers, written_at = excluded.written_at`,
        [...latest.values()].map((r) => [
          r.id,
          r.kind,
          r.dept,
          r.rev!,
          r.createdAt,
          r.updatedAt,
          r.createdBy,
          r.updatedBy,
          r.deleted,
          JSON.stringify(r.fields),
          JSON.stringify(r.fieldRevs ?? {}),
          JSON.stringify(r.fieldWriters ?? {}),
          now,
        ]),
      );
    },
    async listRecords(query) {
      return (await recordPage(RECORD_COLUMNS, query, (sql, params) => db.query(sql, params))).map(toRecord);
    },
    async listPublicRecords(query) {
      const rows = await recordPage(publicColumns, query, (sql, params) => db.queryArrays(sql, params));
      return rows.map(([json, rev]) => ({
        rev: toNumber(rev),
        json: String(json),
      }));
    },
    async listRecordsByField({ kind, field, value }) {
      // Fields are stored as JSON text (never queried inside by the database): a LIKE on the serialized
      // pair narrows the rows, and the exact comparison below decides.
      const pair = JSON.stringify({ [field]: value }).slice(1, -1);
      const pattern = `%${pair.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await db.query(
        `SELECT ${RECORD_COLUMNS} FROM records WHERE kind = ? AND fields LIKE ? ESCAPE '\\' ORDER BY rev`,
        [kind, pattern],
      );
      return rows.map(toRecord).filter((record) => record.fields[field] === value);
    },
    async purgeTombstones(before) {
      // Serialize with pushes, so the horizon never passes a rev that is still being written.
      await lockRevision();
      const [top] = await db.query(
        'SELECT MAX(rev) AS value FROM records WHERE deleted = ? AND written_at < ?',
        [true, before],
      );
      const highest = top?.value == null ? null : toNumber(top.value);
      const removed =
        highest === null
          ? 0
          : await db.execute('DELETE FROM records WHERE deleted = ? AND written_at < ?', [true, before]);
      if (highest !== null) {
        await db.execute(
          'UPDATE sync_state SET tombstone_horizon = ? WHERE id = 1 AND tombstone_horizon < ?',
          [highest, highest],
        );
      }
      return { removed, horizon: await scalar('SELECT tombstone_horizon AS value FROM sync_state') };
    },
    async counts() {
      const [row] = await db.query(
        `SELECT (SELECT COUNT(*) FROM records) AS records, (SELECT COUNT(*) FROM sync_clients) AS clients,
           (SELECT COUNT(*) FROM sync_results) AS results,
           (SELECT value FROM sync_counter WHERE id = 1) AS revision,
           (SELECT tombstone_horizon FROM sync_state WHERE id = 1) AS horizon`,
      );
      return {
        records: toNumber(row?.records ?? 0),
        clients: toNumber(row?.clients ?? 0),
        results: toNumber(row?.results ?? 0),
        revision: toNumber(row?.revision ?? 0),
        tombstoneHorizon: toNumber(row?.horizon ?? 0),
      };
    },
  };
}
