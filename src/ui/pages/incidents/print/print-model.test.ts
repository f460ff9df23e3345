import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../domain/sync/json-value';
import { formatStamp, groupedHash, logRows } from './print-model';

const entry = (
  id: string,
  seq: number | undefined,
  fields: Record<string, unknown> = {},
  pending = false,
) => ({
  id,
  pending,
  fields: {
    eventAt: '2026-03-02T14:05:00.000Z',
    text: `line ${id}`,
    authorName: 'Rita',
    ...(seq === undefined ? {} : { seq }),
    ...fields,
  } as JsonObject,
});

describe('ICS 214 print model', () => {
  it('writes date and time on the 24-hour clock in the given time zone', () => {
    expect(formatStamp('2026-03-02T14:05:00.000Z', 'UTC')).toBe('2026-03-02 14:05');
    expect(formatStamp('2026-03-02T00:30:00.000Z', 'UTC')).toBe('2026-03-02 00:30');
    expect(formatStamp('2026-03-02T03:30:00.000Z', 'America/Toronto')).toBe('2026-03-01 22:30');
    expect(formatStamp('not a time')).toBe('not a time');
    expect(formatStamp(undefined)).toBe('');
  });

  it('marks the corrected entry with the correcting line and its reason, and the correction with the original', () => {
    const rows = logRows([
      entry('a', 1),
      entry('b', 2),
      entry('c', 3, { corrects: 'b', correctionReason: 'Wrong road' }),
      entry('d', 4, { corrects: 'b', correctionReason: 'Wrong time too' }),
      entry('e', 5, { transcribed: true, priority: 'urgent' }),
    ]);
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]!.correctedBy).toEqual([
      { number: 3, reason: 'Wrong road' },
      { number: 4, reason: 'Wrong time too' },
    ]);
    expect(rows[0]!.correctedBy).toEqual([]);
    expect(rows[2]!.corrects).toEqual({ number: 2, reason: 'Wrong road' });
    expect(rows[0]!.corrects).toBeNull();
    expect(rows[4]).toMatchObject({ transcribed: true, priority: 'urgent', pending: false });
  });

  it('numbers entries not yet chained by their place, and keeps a correction of an entry not on the device', () => {
    const rows = logRows([
      entry('a', 1),
      entry('x', undefined, { corrects: 'gone', correctionReason: 'Typo' }, true),
    ]);
    expect(rows.map((row) => [row.number, row.pending])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(rows[1]!.corrects).toEqual({ number: null, reason: 'Typo' });
  });

  it('groups a hash by sixteen digits', () => {
    const hash = 'a'.repeat(16) + 'b'.repeat(16) + 'c'.repeat(16) + 'd'.repeat(16);
    expect(groupedHash(hash)).toBe(`${'a'.repeat(16)} ${'b'.repeat(16)} ${'c'.repeat(16)} ${'d'.repeat(16)}`);
  });
});
