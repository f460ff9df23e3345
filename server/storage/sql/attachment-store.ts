// Attachment bytes in SQL shared by both dialects (BLOB in SQLite, BYTEA in PostgreSQL).
import type { StoredAttachment, AttachmentStore } from '../storage';
import type { SqlExecutor, SqlRow } from './sql-executor';
import { toDate, toNumber } from './sql-executor';

const COLUMNS = 'id, dept, content_type, size, sha256, created_by, created_at';

function toStored(row: SqlRow): StoredAttachment {
  return {
    id: String(row.id),
    dept: String(row.dept),
    contentType: String(row.content_type),
    size: toNumber(row.size),
    sha256: String(row.sha256),
    createdBy: String(row.created_by),
    createdAt: toDate(row.created_at),
  };
}

export function createAttachmentStore(db: SqlExecutor): AttachmentStore {
  return {
    async put(attachment) {
      // Two uploads of one id racing: the first insert wins, the other learns it was not stored.
      const changed = await db.execute(
        `INSERT INTO attachments (id, dept, content_type, size, sha256, data, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [
          attachment.id,
          attachment.dept,
          attachment.contentType,
          attachment.size,
          attachment.sha256,
          attachment.data,
          attachment.createdBy,
          attachment.createdAt,
        ],
      );
      return changed > 0;
    },
    async getMeta(id) {
      const [row] = await db.query(`SELECT ${COLUMNS} FROM attachments WHERE id = ?`, [id]);
      return row ? toStored(row) : null;
    },
    async getData(id) {
      const [row] = await db.query<{ data: Buffer }>('SELECT data FROM attachments WHERE id = ?', [id]);
      return row ? Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength) : null;
    },
  };
}
