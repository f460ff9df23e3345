// Pull cursors: opaque to devices, issued only by the server. A cursor is base64url JSON of
// {rev, scope, reset?}: the last rev delivered, a hash of the read scope it was issued for (so a change of
// departments forces a full resync), and whether the pull sequence it continues is a resync.
import crypto from 'node:crypto';
import { isPlainObject } from '../../src/domain/sync/json-value';

export interface Cursor {
  rev: number;
  scope: string;
  /** The pages so far were a full resync; the pages that follow are part of it (reset: true). */
  reset: boolean;
}

/** Which records a pull may send: every department (admins without a filter) or the listed ones. */
export interface ReadScope {
  all: boolean;
  /** Sorted, without duplicates; empty when `all`. */
  departments: string[];
}

const MAX_CURSOR_LENGTH = 200;
const HASH_PATTERN = /^[0-9a-f]{16}$/;

export function scopeHash(scope: ReadScope): string {
  const identity = scope.all ? { all: true } : { departments: scope.departments };
  return crypto.createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16);
}

export function encodeCursor(cursor: Cursor): string {
  const data = { rev: cursor.rev, scope: cursor.scope, ...(cursor.reset ? { reset: true } : {}) };
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');
}

/** The cursor, or null when the text is not one this server issued (malformed or tampered with). */
export function decodeCursor(text: string): Cursor | null {
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isPlainObject(data)) return null;
  const { rev, scope, reset } = data;
  if (!Number.isSafeInteger(rev) || (rev as number) < 0) return null;
  if (typeof scope !== 'string' || !HASH_PATTERN.test(scope)) return null;
  if (reset !== undefined && reset !== true) return null;
  return { rev: rev as number, scope, reset: reset === true };
}
