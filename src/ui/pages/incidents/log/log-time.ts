// Times on an activity log: shown on the 24-hour clock in the device's time zone (as ICS 214 writes
// them), and typed as a date plus "HH:MM" (or "HHMM", as radio logs often write it).

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-02" in the device's time zone. */
export const localDate = (at: Date): string =>
  `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

/** "09:30" in the device's time zone, 24-hour. */
export const localTime = (at: Date): string => `${pad(at.getHours())}:${pad(at.getMinutes())}`;

/** An ISO time as "2026-03-02 09:30" (local, 24-hour); the text itself when it is not a time. */
export function clockText(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${localDate(at)} ${localTime(at)}`;
}

/** A typed 24-hour time: "14:05", "9:05", "14.05" or "1405"; null when it is not one. */
export function parseClock(typed: string): { hours: number; minutes: number } | null {
  const match = /^(\d{1,2})[:.h]?(\d{2})$/.exec(typed.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? { hours, minutes } : null;
}

/** A local date ("YYYY-MM-DD") and typed time as an ISO instant; null when either is not valid. */
export function localDateTimeToIso(date: string, time: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const clock = parseClock(time);
  if (!day || !clock) return null;
  const [year, month, dayOfMonth] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const at = new Date(year, month - 1, dayOfMonth, clock.hours, clock.minutes);
  // new Date() rolls 2026-02-30 over into March; such a date was not a date.
  if (at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== dayOfMonth) return null;
  return at.toISOString();
}
