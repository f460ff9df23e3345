// Migration 2: synced records, the revision counter, device sequence bookkeeping and tombstone retention.
// JSON columns are TEXT in both dialects: PostgreSQL jsonb refuses "\u0000" in strings, which a record's
// text fields may legitimately carry, and the server never queries inside them.
import type { Migration } from './migration';

const sqlite = `
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  dept TEXT NOT NULL,
  rev INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  fields TEXT NOT NULL,
  field_revs TEXT NOT NULL DEFAULT '{}',
  field_writers TEXT NOT NULL DEFAULT '{}',
  written_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX records_rev ON records(rev);
CREATE INDEX records_dept_rev ON records(dept, rev);
CREATE INDEX records_tombstones ON records(written_at) WHERE deleted = 1;
CREATE TABLE sync_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO sync_counter (id, value) VALUES (1, 0);
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  tombstone_horizon INTEGER NOT NULL
);
INSERT INTO sync_state (id, tombstone_horizon) VALUES (1, 0);
CREATE TABLE sync_clients (
  client_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  last_seq INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX sync_clients_user_id ON sync_clients(user_id);
CREATE TABLE sync_results (
  client_id TEXT NOT NULL REFERENCES sync_clients(client_id),
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  rev INTEGER,
  reason TEXT,
  conflict_ids TEXT,
  PRIMARY KEY (client_id, seq)
);
`;

const postgres = `
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  dept TEXT NOT NULL,
  rev BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  fields TEXT NOT NULL,
  field_revs TEXT NOT NULL DEFAULT '{}',
  field_writers TEXT NOT NULL DEFAULT '{}',
  written_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX records_rev ON records(rev);
CREATE INDEX records_dept_rev ON records(dept, rev);
CREATE INDEX records_tombstones ON records(written_at) WHERE deleted;
CREATE TABLE sync_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value BIGINT NOT NULL
);
INSERT INTO sync_counter (id, value) VALUES (1, 0);
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  tombstone_horizon BIGINT NOT NULL
);
INSERT INTO sync_state (id, tombstone_horizon) VALUES (1, 0);
CREATE TABLE sync_clients (
  client_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  last_seq BIGINT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sync_clients_user_id ON sync_clients(user_id);
CREATE TABLE sync_results (
  client_id TEXT NOT NULL REFERENCES sync_clients(client_id),
  seq BIGINT NOT NULL,
  status TEXT NOT NULL,
  rev BIGINT,
  reason TEXT,
  conflict_ids TEXT,
  PRIMARY KEY (client_id, seq)
);
`;

export const migration0002: Migration = { version: 2, name: 'sync', sqlite, postgres };
