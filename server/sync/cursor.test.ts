// Cursors round-trip, and anything the server did not issue is refused rather than guessed at.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, scopeHash } from './cursor';

describe('pull cursors', () => {
  it('round-trips and hashes the read scope, not its order', () => {
    const scope = scopeHash({ all: false, departments: ['parks', 'roads'] });
    expect(scope).toMatch(/^[0-9a-f]{16}$/);
    expect(scopeHash({ all: true, departments: [] })).not.toBe(scope);
    for (const cursor of [
      { rev: 0, scope, reset: false },
      { rev: 9_007_199_254_740_991, scope, reset: true },
    ]) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    }
  });

  it('refuses malformed or tampered cursors', () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const scope = '0123456789abcdef';
    for (const text of [
      '',
      'a'.repeat(201),
      'not base64!',
      b64(null),
      b64([1]),
      b64({ rev: -1, scope }),
      b64({ rev: 1.5, scope }),
      b64({ rev: '1', scope }),
      b64({ rev: 1, scope: 'short' }),
      b64({ rev: 1, scope, reset: false }),
      Buffer.from('{"rev":1,').toString('base64url'),
    ]) {
      expect(decodeCursor(text), text).toBeNull();
    }
  });
});
