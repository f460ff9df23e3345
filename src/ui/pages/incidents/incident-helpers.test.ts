// The incident screens' helpers: 24-hour times typed locally and stored as UTC, department lists, period
// numbers, board order, the timeline filter.
import { describe, expect, it } from 'vitest';
import type { RecordView } from '../../../storage/sync-queries';
import {
  boardOrder,
  formatTime24,
  isoToLocal,
  localToIso,
  nextPeriodNumber,
  parseDepartments,
  timelineMatcher,
} from './incident-helpers';

const view = (id: string, fields: Record<string, unknown>): RecordView =>
  ({ id, kind: 'x', dept: 'd', rev: 1, deleted: false, fields, pending: false }) as unknown as RecordView;

describe('times on the 24-hour clock', () => {
  it('turns a local date and HH:MM into UTC ISO and back', () => {
    const iso = localToIso('2026-03-02', '14:05');
    expect(iso).toBe(new Date(2026, 2, 2, 14, 5).toISOString());
    expect(isoToLocal(iso!)).toEqual({ date: '2026-03-02', time: '14:05' });
    expect(localToIso('2026-03-02', '1405')).toBe(iso);
    expect(localToIso('2026-03-02', '9:30')).toBe(new Date(2026, 2, 2, 9, 30).toISOString());
  });

  it('refuses what is not a time or a date', () => {
    expect(localToIso('2026-03-02', '24:00')).toBeNull();
    expect(localToIso('2026-03-02', '12:60')).toBeNull();
    expect(localToIso('2026-02-30', '12:00')).toBeNull();
    expect(localToIso('', '12:00')).toBeNull();
    expect(isoToLocal('not a time')).toEqual({ date: '', time: '' });
  });

  it('shows hours 0-23, never AM/PM', () => {
    const text = formatTime24('2026-03-02T21:07:00.000Z', 'en');
    expect(text).not.toMatch(/AM|PM/);
    expect(text).toMatch(/\d{2}:07/);
  });
});

describe('lists', () => {
  it('reads department codes separated by commas', () => {
    expect(parseDepartments(' Public-Works, fire;fire\n, ')).toEqual(['public-works', 'fire']);
    expect(parseDepartments('')).toEqual([]);
  });

  it('numbers the next period after the highest', () => {
    expect(nextPeriodNumber([])).toBe(1);
    expect(nextPeriodNumber([view('a', { number: 1 }), view('b', { number: 3 })])).toBe(4);
  });

  it('orders the board: active, then monitoring, newest start first; closed apart', () => {
    const rows = [
      view('m', { status: 'monitoring', startedAt: '2026-03-03T00:00:00.000Z' }),
      view('a1', { status: 'active', startedAt: '2026-03-01T00:00:00.000Z' }),
      view('c', { status: 'closed', startedAt: '2026-03-04T00:00:00.000Z' }),
      view('a2', { status: 'active', startedAt: '2026-03-02T00:00:00.000Z' }),
    ];
    const { open, closed } = boardOrder(rows);
    expect(open.map((r) => r.id)).toEqual(['a2', 'a1', 'm']);
    expect(closed.map((r) => r.id)).toEqual(['c']);
  });
});

describe('timelineMatcher', () => {
  const entry = view('e', {
    logId: 'log-1',
    authorName: 'Omar Haddad',
    text: 'Sandbags delivered to Oak Street',
    correctionReason: 'Not Elm Street',
  });

  it('matches by log, the logs of a period, author and every word of the text', () => {
    expect(timelineMatcher({})(entry)).toBe(true);
    expect(timelineMatcher({ logId: 'log-1' })(entry)).toBe(true);
    expect(timelineMatcher({ logId: 'log-2' })(entry)).toBe(false);
    expect(timelineMatcher({ logIds: ['log-2', 'log-1'] })(entry)).toBe(true);
    expect(timelineMatcher({ logIds: [] })(entry)).toBe(false);
    expect(timelineMatcher({ author: 'haddad' })(entry)).toBe(true);
    expect(timelineMatcher({ author: 'rita' })(entry)).toBe(false);
    expect(timelineMatcher({ text: 'oak SANDBAGS' })(entry)).toBe(true);
    expect(timelineMatcher({ text: 'elm' })(entry)).toBe(true);
    expect(timelineMatcher({ text: 'oak pine' })(entry)).toBe(false);
  });
});
