// safeDetail copies plain data in one walk instead of a JSON round trip; it must store exactly what the
// round trip stored.
import { describe, expect, it } from 'vitest';
import type { EntryAuditDetail } from './sync-audit';
import { entryAuditDetail, safeDetail, safeText } from './sync-audit';

/** The earlier definition: what JSON keeps, every string made safe and cut to 1,000 characters. */
function reference(detail: Record<string, unknown>): unknown {
  const clean = (_key: string, value: unknown): unknown =>
    typeof value === 'string' ? safeText(value.slice(0, 1000)) : value;
  return JSON.parse(JSON.stringify(detail, clean));
}

describe('safeDetail', () => {
  const cases: Record<string, unknown>[] = [
    { via: 'push', seq: 3, status: 'applied', ids: ['a', 'b'], rev: 7 },
    {
      reason: {
        code: 'invalid',
        message: `bad \u0000 ${'x'.repeat(3000)}`,
        field: 'title',
        errors: [{ field: 'title', code: 'too_long', message: 'Too long', extra: undefined }],
        params: { deletedAt: '2030-01-01T00:00:00.000Z', n: Number.NaN, inf: -Infinity },
      },
      skipped: undefined,
      fn: () => 1,
      list: [undefined, () => 2, null, true, 1.5, '\u0000'],
    },
    { at: new Date('2030-01-01T00:00:00.000Z'), nested: { when: new Date(0), deep: [[['\u0000']]] } },
    {
      withToJson: { toJSON: () => 'custom \u0000' },
      bare: Object.assign(Object.create(null), { a: '\u0000' }),
    },
    { emoji: '🦆'.repeat(600), keys: { '\u0000key': 1 } },
  ];
  it.each(cases.map((detail, i) => [i, detail] as const))(
    'case %i stores what the JSON round trip stored',
    (_, detail) => {
      expect(safeDetail(detail)).toStrictEqual(reference(detail));
    },
  );

  it('never returns the input objects themselves', () => {
    const detail = { reason: { code: 'x', errors: [{ field: 'a' }] } };
    const safe = safeDetail(detail) as typeof detail;
    expect(safe.reason).not.toBe(detail.reason);
    expect(safe.reason.errors).not.toBe(detail.reason.errors);
  });
});

describe('entryAuditDetail', () => {
  const cases: EntryAuditDetail[] = [
    { via: 'push', seq: 1, status: 'applied', ids: ['0190a3c2-0000-7000-8000-000000000001'], rev: 12 },
    { via: 'push', seq: 2, status: 'conflict', ids: ['a', 'b'], rev: 13 },
    {
      via: 'import',
      seq: 3,
      status: 'rejected',
      ids: [],
      reason: {
        code: 'invalid',
        message: `There is no kind "\u0000${'k'.repeat(2000)}".`,
        field: 'kind',
        errors: [{ field: 'x\u0000', code: 'unknown_field', message: 'Unknown', extra: undefined }],
        params: { n: Number.NaN, when: '2030-01-01T00:00:00.000Z' },
      },
      importedBy: 'admin-1',
    },
  ];
  it.each(cases.map((detail, i) => [i, detail] as const))(
    'case %i stores what safeDetail of the whole detail stores, in the same order',
    (_, detail) => {
      const expected = safeDetail({ ...detail });
      const actual = entryAuditDetail(detail);
      expect(actual).toStrictEqual(expected);
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
    },
  );
});
