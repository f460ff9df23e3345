// Migration 3: numbered series the server keeps for kinds that number their records (official permit
// numbers, one series per year). Only pushes write it, after lockRevision, so increments never race.
import type { Migration } from './migration';

const table = `
CREATE TABLE number_series (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
`;

export const migration0003: Migration = {
  version: 3,
  name: 'number-series',
  sqlite: table,
  postgres: table,
};
