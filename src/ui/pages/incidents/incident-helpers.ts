// Small helpers shared by the incident screens: times on a 24-hour clock (typed as a local date and an
// HH:MM time, stored as UTC ISO), department lists, domain field errors in the reader's language, and the
// timeline's filter.
import type { JsonValue } from '../../../domain/sync';
import type { FieldError } from '../../../domain/sync/record-kinds';
import { normalizeSearchText } from '../../../domain/sync/search-text';
import type { RecordView } from '../../../storage/sync-queries';
import type { Language } from '../../i18n/translate';
import type { IncidentsKey, IncidentsT } from './messages';

export const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

export { isoToLocal, localToIso } from '../../format/local-time';

const formats = new Map<string, Intl.DateTimeFormat>();

/** A time on the 24-hour clock in the reader's language ("2 Mar 2026, 14:05"). */
export function formatTime24(iso: JsonValue | undefined, language: Language): string {
  if (typeof iso !== 'string') return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(language, format);
  }
  return format.format(at);
}

/** "public-works, fire" → ["public-works", "fire"] (trimmed, lower case, no repeats, no empties). */
export function parseDepartments(input: string): string[] {
  const seen = new Set<string>();
  for (const part of input.split(/[,;\n]/)) {
    const code = part.trim().toLowerCase();
    if (code) seen.add(code);
  }
  return [...seen];
}

/** The next operational period's number: one more than the highest so far (1 for the first). */
export function nextPeriodNumber(periods: readonly RecordView[]): number {
  return periods.reduce((max, p) => Math.max(max, Number(p.fields.number) || 0), 0) + 1;
}

/** Active incidents first, then monitoring, each newest start first; closed ones apart. */
export function boardOrder(incidents: readonly RecordView[]): { open: RecordView[]; closed: RecordView[] } {
  const rank = (r: RecordView) => (r.fields.status === 'active' ? 0 : 1);
  const byStart = (a: RecordView, b: RecordView) =>
    text(b.fields.startedAt).localeCompare(text(a.fields.startedAt)) || a.id.localeCompare(b.id);
  const live = incidents.filter((r) => !r.deleted);
  return {
    open: live.filter((r) => r.fields.status !== 'closed').sort((a, b) => rank(a) - rank(b) || byStart(a, b)),
    closed: live.filter((r) => r.fields.status === 'closed').sort(byStart),
  };
}

/** What the timeline is narrowed to; empty values do not narrow it. */
export interface TimelineFilter {
  logId?: string;
  /** The logs of the chosen period (an activity log belongs to one period). */
  logIds?: readonly string[];
  author?: string;
  text?: string;
}

export function isFiltered(filter: TimelineFilter): boolean {
  return !!(filter.logId || filter.logIds || filter.author?.trim() || filter.text?.trim());
}

/** Whether an entry passes the filter: its log, its period's logs, words of its author and of its text. */
export function timelineMatcher(filter: TimelineFilter): (entry: RecordView) => boolean {
  const author = normalizeSearchText(filter.author ?? '');
  const words = normalizeSearchText(filter.text ?? '')
    .split(' ')
    .filter(Boolean);
  const logIds = filter.logIds ? new Set(filter.logIds) : null;
  return (entry) => {
    const f = entry.fields;
    if (filter.logId && f.logId !== filter.logId) return false;
    if (logIds && !logIds.has(text(f.logId))) return false;
    if (author && !normalizeSearchText(text(f.authorName)).includes(author)) return false;
    if (words.length) {
      const haystack = normalizeSearchText(`${text(f.text)} ${text(f.correctionReason)}`);
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  };
}

/**
 * One domain error as a sentence in the reader's language: the message written for that field and code
 * when there is one ("incidents.error.endsAt.date_order"), else the code's general message naming the
 * field's label.
 */
export function fieldErrorText(t: IncidentsT, error: FieldError, labels: LabelKeys): string {
  const specific = `incidents.error.${error.field}.${error.code}` as IncidentsKey;
  const labelKey = labels[error.field];
  const params = { ...(error.params ?? {}), label: labelKey ? t(labelKey) : error.field };
  const sentence = t(specific, params);
  if (sentence !== specific) return sentence;
  const general = `incidents.error.${error.code}` as IncidentsKey;
  const fallback = t(general, params);
  return fallback !== general ? fallback : t('incidents.error.invalid');
}

export type LabelKeys = Partial<Record<string, IncidentsKey>>;

/** The first error of each field, as sentences. */
export function errorsByField(
  t: IncidentsT,
  errors: readonly FieldError[],
  labels: LabelKeys,
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) byField[error.field] ??= fieldErrorText(t, error, labels);
  return byField;
}
