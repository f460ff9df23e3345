// Migration 4: attachments (photos on inspection results, later other records). The bytes live in the
// database beside the records that refer to them, so backups, restores and several server processes on
// one PostgreSQL need nothing more. Rows are written once and never changed (ids are never reused).
import type { Migration } from './migration';

const sqlite = `
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  dept TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL
);
`;

const postgres = `
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  dept TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BYTEA NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TIMESTAMPTZ NOT NULL
);
`;

export const migration0004: Migration = { version: 4, name: 'attachments', sqlite, postgres };
