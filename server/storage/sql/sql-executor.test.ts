// executeMany expands a one-row INSERT; splitValuesGroup must find its VALUES group or refuse clearly.
import { describe, expect, it } from 'vitest';
import { splitValuesGroup } from './sql-executor';

describe('splitValuesGroup', () => {
  it('splits a one-row insert around its VALUES group', () => {
    expect(
      splitValuesGroup(
        'INSERT INTO t (a, b, c) values (?, ?,?) ON CONFLICT (a) DO UPDATE SET b = excluded.b',
      ),
    ).toEqual({
      head: 'INSERT INTO t (a, b, c) ',
      columns: 3,
      tail: ' ON CONFLICT (a) DO UPDATE SET b = excluded.b',
    });
  });

  it('refuses SQL it cannot expand safely', () => {
    expect(() => splitValuesGroup('UPDATE t SET a = ?')).toThrow('VALUES');
    expect(() => splitValuesGroup('INSERT INTO t (a, b) VALUES (?, 0)')).toThrow('VALUES');
    expect(() =>
      splitValuesGroup('INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET a = ?'),
    ).toThrow('outside');
  });
});
