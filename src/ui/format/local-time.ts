// Times typed as a local date and a 24-hour HH:MM time (a time input would show AM/PM in some
// languages), stored as UTC ISO. Shared by the incident screens and the permit form.
import type { JsonValue } from '../../domain/sync';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date and 24-hour time as typed ("2026-03-02", "14:05") → UTC ISO; null when either is not one. */
export function localToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^([01]?\d|2[0-3]):?([0-5]\d)$/.exec(time.trim());
  if (!d || !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const at = new Date(year, month - 1, day, Number(t[1]), Number(t[2]));
  if (at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== day) return null;
  return at.toISOString();
}

/** An ISO time as the local date and 24-hour time a form shows; empty parts when it is not a time. */
export function isoToLocal(iso: JsonValue | undefined): { date: string; time: string } {
  const at = typeof iso === 'string' ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime())) return { date: '', time: '' };
  return {
    date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}
