// Migration 5: each stored push result keeps a fingerprint of the entry it answered (push-batch.ts,
// entryFingerprint). A seq the server already holds, sent again with other content, is then told apart from
// a retry: a device restored from an older copy numbers its new changes from where that copy stood, and
// without the fingerprint those changes were taken for retries and dropped. Rows stored before this
// migration have none and are answered as retries, as before.
import type { Migration } from './migration';

const sql = `ALTER TABLE sync_results ADD COLUMN fingerprint TEXT;`;

export const migration0005: Migration = {
  version: 5,
  name: 'result fingerprints',
  sqlite: sql,
  postgres: sql,
};
