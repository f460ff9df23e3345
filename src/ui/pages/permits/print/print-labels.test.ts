// Formats of the Permits print views: days and money in each language, and which number a permit shows.
import { describe, expect, it } from 'vitest';
import { formatCents, formatDay, permitNumber } from './print-labels';

describe('print labels', () => {
  it('formats a stored day without shifting it by the time zone, and leaves other text alone', () => {
    expect(formatDay('2026-03-02', 'en')).toBe('Mar 2, 2026');
    expect(formatDay('2026-03-02', 'es')).toBe('2 mar 2026');
    expect(formatDay('soon', 'en')).toBe('soon');
    expect(formatDay(undefined, 'en')).toBe('');
  });

  it('prints integer cents with two decimals in the reader’s language', () => {
    expect(formatCents(18_500_000, 'en')).toBe('185,000.00');
    expect(formatCents(18_500_000, 'es')).toBe('185.000,00');
    expect(formatCents('12', 'en')).toBe('');
  });

  it('shows the official number once there is one, else the provisional one', () => {
    expect(permitNumber({ number: 'BP-26-1', provisionalNumber: 'P-1' })).toEqual({
      number: 'BP-26-1',
      provisional: false,
    });
    expect(permitNumber({ provisionalNumber: 'P-1' })).toEqual({ number: 'P-1', provisional: true });
  });
});
