// Times on a log: shown and typed on the 24-hour clock in the device's time zone.
import { describe, expect, it } from 'vitest';
import { clockText, localDate, localDateTimeToIso, localTime, parseClock } from './log-time';

describe('log times', () => {
  it('shows an instant as local date and 24-hour time', () => {
    const at = new Date(2026, 2, 2, 14, 5, 59);
    expect(clockText(at.toISOString())).toBe('2026-03-02 14:05');
    expect(localDate(at)).toBe('2026-03-02');
    expect(localTime(new Date(2026, 2, 2, 0, 7))).toBe('00:07');
    expect(clockText('not a time')).toBe('not a time');
    expect(clockText(undefined)).toBe('');
  });

  it('reads the ways a 24-hour time is written, and refuses what is not one', () => {
    expect(parseClock('14:05')).toEqual({ hours: 14, minutes: 5 });
    expect(parseClock('9:05')).toEqual({ hours: 9, minutes: 5 });
    expect(parseClock('1405')).toEqual({ hours: 14, minutes: 5 });
    expect(parseClock(' 23.59 ')).toEqual({ hours: 23, minutes: 59 });
    for (const bad of ['24:00', '12:60', '2pm', '', '1:5', '12345']) expect(parseClock(bad), bad).toBeNull();
  });

  it('turns a local date and time into the instant, refusing dates that do not exist', () => {
    expect(localDateTimeToIso('2026-03-02', '14:05')).toBe(new Date(2026, 2, 2, 14, 5).toISOString());
    expect(localDateTimeToIso('2026-02-30', '10:00')).toBeNull();
    expect(localDateTimeToIso('', '10:00')).toBeNull();
    expect(localDateTimeToIso('2026-03-02', '')).toBeNull();
  });
});
