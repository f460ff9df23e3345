// What the ICS 214 print view shows of a log's entries, worked out apart from the markup: the 24-hour
// date/time of the form, which entries a later entry corrects (the original is printed struck through
// with the reason next to it), and the line numbers a correction refers to.
import type { JsonObject } from '../../../../domain/sync/json-value';

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * "2026-03-02 14:05": the form's 24-hour clock, in the device's time zone (or the one given). The same in
 * every language, as ICS forms write it.
 */
export function formatStamp(iso: unknown, timeZone?: string): string {
  const value = text(iso);
  const date = new Date(value);
  if (!value || Number.isNaN(date.getTime())) return value;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The time zone the printed times are in, named on the page ("America/Toronto"). */
export function printTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface EntryLike {
  id: string;
  fields: JsonObject;
  pending?: boolean;
}

export interface LogRow<E extends EntryLike = EntryLike> {
  entry: E;
  /** The line number on the printed log: the entry's place in the chain. */
  number: number;
  eventAt: string;
  text: string;
  author: string;
  priority: string;
  transcribed: boolean;
  /** Not yet confirmed by the server: its place is provisional. */
  pending: boolean;
  /** This entry corrects an earlier one (its line number, and the reason given). */
  corrects: { number: number | null; reason: string } | null;
  /** Later entries that correct this one: it prints struck through, with each reason. */
  correctedBy: { number: number; reason: string }[];
}

/** The printed rows of a log, in chain order. */
export function logRows<E extends EntryLike>(entries: readonly E[]): LogRow<E>[] {
  const numberOf = new Map<string, number>();
  entries.forEach((entry, i) => {
    const seq = entry.fields.seq;
    numberOf.set(entry.id, typeof seq === 'number' && seq > 0 ? seq : i + 1);
  });
  const correctedBy = new Map<string, { number: number; reason: string }[]>();
  for (const entry of entries) {
    const target = text(entry.fields.corrects);
    if (!target) continue;
    const list = correctedBy.get(target) ?? [];
    list.push({ number: numberOf.get(entry.id)!, reason: text(entry.fields.correctionReason) });
    correctedBy.set(target, list);
  }
  return entries.map((entry) => {
    const f = entry.fields;
    const target = text(f.corrects);
    return {
      entry,
      number: numberOf.get(entry.id)!,
      eventAt: text(f.eventAt),
      text: text(f.text),
      author: text(f.authorName),
      priority: text(f.priority),
      transcribed: f.transcribed === true,
      pending: entry.pending === true,
      corrects: target ? { number: numberOf.get(target) ?? null, reason: text(f.correctionReason) } : null,
      correctedBy: correctedBy.get(entry.id) ?? [],
    };
  });
}

/** A 64-digit hash in four groups of sixteen, easier to read aloud and compare on paper. */
export function groupedHash(hash: string): string {
  return hash.match(/.{1,16}/g)?.join(' ') ?? hash;
}
