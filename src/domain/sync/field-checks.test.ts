import { describe, expect, it } from 'vitest';
import { checkDate, isIsoDate } from './field-checks';

/** What isIsoDate replaced: a Date made from the text must print the same text back. */
function byDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isIsoDate', () => {
  it('agrees with a round trip through Date on every month and day number of 1899 to 2101', () => {
    const years = [0, 4, 100, 400, 1600, 1700, 9999];
    for (let year = 1899; year <= 2101; year++) years.push(year);
    for (const year of years)
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isIsoDate(text), text).toBe(byDate(text));
        }
  });

  it('knows leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-12-31')).toBe(true);
  });

  it.each([
    '',
    '2025-1-05',
    '2025-01-5',
    '2025/01/05',
    '2025-01-05 ',
    ' 2025-01-05',
    '2025-01-05T00:00:00Z',
    '202a-01-05',
    '2025-0x-05',
    '2025-01-0.',
    '+02025-01-05',
    '-2025-01-05',
    '２０２５-01-05',
  ])('refuses %j', (text) => {
    expect(isIsoDate(text)).toBe(false);
    expect(byDate(text)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 20250105, new Date(), ['2025-01-05'], { date: '2025-01-05' }])
      expect(isIsoDate(value)).toBe(false);
  });

  it('gives checkDate a message naming the field', () => {
    expect(checkDate({ issued: '2025-02-30' }, 'issued', 'Issue date')).toEqual({
      field: 'issued',
      code: 'not_a_date',
      message: 'Issue date must be a date (YYYY-MM-DD).',
    });
    expect(checkDate({ issued: '2025-02-28' }, 'issued', 'Issue date')).toBeNull();
  });
});
