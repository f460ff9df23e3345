// Every schema migration, in order. To change the schema, add a new file and append it here.
import type { Migration } from './migration';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-sync';
import { migration0003 } from './0003-number-series';
import { migration0004 } from './0004-attachments';
import { migration0005 } from './0005-result-fingerprints';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
];
