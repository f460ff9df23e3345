// Turning a city's cell text into permit values: trimmed text, YYYY-MM-DD dates, integer cents, statuses.
import { PERMIT_STATUSES, type PermitStatus } from '../lifecycle';

/** Trims the cell; an empty cell is absent (undefined), never an empty string. */
export function cleanText(cell: string | undefined): string | undefined {
  const value = cell?.trim();
  return value ? value : undefined;
}

const pad = (n: string) => n.padStart(2, '0');
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD when year, month and day make a real date (checked by arithmetic: this runs per cell). */
function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!)) return null;
  return `${String(year).padStart(4, '0')}-${pad(String(month))}-${pad(String(day))}`;
}
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|\s)/;

/**
 * A date as YYYY-MM-DD, or null when the text is not a real date. Accepts ISO dates and times
 * ("2024-10-03", "2024-10-03T14:00:00Z"), year-first with slashes and a time ("2024/10/03 00:00:00+00", as
 * Burlington writes them) and day-month-year with slashes ("10/03/2024"), read month first as in US and
 * Canadian exports unless the first number cannot be a month ("25/03/2024" is 25 March). The date part is
 * kept as written: a time zone never moves a date to the day before.
 */
export function parseImportDate(text: string): string | null {
  const ymd = YMD.exec(text);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const slashed = SLASHED.exec(text);
  if (slashed) {
    const [a, b, year] = [Number(slashed[1]), Number(slashed[2]), slashed[3]!];
    const [month, day] = a > 12 ? [b, a] : [a, b];
    return isoDate(Number(year), month, day);
  }
  return null;
}

const MONEY = /^(\d+)(?:\.(\d{0,2})\d*)?$/;

/**
 * An amount of money in integer cents, or null when the text is not a plain amount. Currency signs, codes,
 * spaces and thousands separators are dropped ("$1,234.50", "1 234.5 CAD"); a negative amount is refused.
 */
export function parseMoneyCents(text: string): number | null {
  const plain = text.replace(/[$€£¥,\s]|[A-Za-z]{3}$/g, '').replace(/^[A-Za-z]{3}/, '');
  const match = MONEY.exec(plain);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as a plain decimal amount ("200000.00"), the way exports write money. */
export function formatMoney(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, '0')}`;
}

const normalize = (word: string) =>
  word
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Words cities use for a status, normalised (lowercase, punctuation as spaces), and the status they mean. */
const STATUS_WORDS: [RegExp, PermitStatus][] = [
  [/^(draft|not submitted|incomplete)$/, 'draft'],
  [
    /^(applied|application( received| accepted| submitted)?|submitted|received|intake|pending|open)$/,
    'submitted',
  ],
  [/(review|plan check|plans? ?check|under consideration|on hold|hold)/, 'in_review'],
  [/(fee|payment|ready to issue|approved)/, 'fees_due'],
  [/(certificate of occupancy|^co( issued)?$|occupancy)/, 'certificate_of_occupancy'],
  [/(final(ed)? with conditions|conditional final)/, 'finaled_conditions'],
  [/^(final|finaled|finalled|finalized|completed?|closed|closed complete|permit finaled)$/, 'finaled'],
  [/inspection/, 'inspections'],
  [/^(issued|permit issued|active|in progress|work in progress|construction)$/, 'issued'],
  [/(suspend|stop work)/, 'suspended'],
  [/expir/, 'expired'],
  [/revok/, 'revoked'],
  [/appeal/, 'appealed'],
  [/withdr/, 'withdrawn'],
  [/(cancel|void|denied|rejected)/, 'cancelled'],
];

/** The status a city's word most likely means, or null when none fits (the user picks). */
export function suggestStatus(word: string): PermitStatus | null {
  const plain = normalize(word);
  if (!plain) return null;
  const direct = PERMIT_STATUSES.find((status) => status.replace(/_/g, ' ') === plain);
  if (direct) return direct;
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(plain)) return status;
  return null;
}
