// Synthetic incidents for the Incidents figures: an incident, its operational period, activity logs for
// units and people, and their entries with real hashes (contentHashOf on the content, nextLink for the
// chain, exactly as the mutators compute them), as records a pull delivers (with a server revision,
// synced, no pending edit). Entries arrive interleaved across logs in event-time order, as a real
// activation's would; a few are corrections of earlier ones and a few are transcribed from paper hours
// later. Seeded: every run gets the same records. No Node-only imports: the page runs it too.
import { v7 as uuidv7 } from 'uuid';
import { contentHashOf, nextLink } from '../../src/domain/incidents/chain';
import type { JsonObject } from '../../src/domain/sync/json-value';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import { pick, seededRandom, type Random } from './random';

const ACTIVITIES = [
  'Arrived on scene; reported to the incident command post at the north lot.',
  'Briefing held with division supervisors; objectives for the period read out.',
  'Requested two additional pumps and a generator for the lift station on River Rd.',
  'Resources arrived: Engine 14 and Public Works crew 3 checked in at staging.',
  'Situation update sent to the EOC: water over the road at Elm and 5th, barricades placed.',
  'Shift change; handed over to the night supervisor with the open task list.',
  'Departed the scene; equipment returned to the yard.',
  'Shelter at Lincoln Middle School opened, 42 residents registered so far.',
  'Power restored to the pumping station; monitoring levels every 30 minutes.',
  'Road closure extended to Main St. bridge pending the structural inspection.',
  'Llegó el equipo de apoyo del condado; asignado a la zona de evacuación sur.',
  'Se envió la actualización de situación al centro de operaciones.',
  'Welfare check completed for 18 addresses on the priority list; two referred to EMS.',
  'Sandbag station at the fire hall resupplied: 2,000 bags, 12 tons of sand.',
  'Radio check on the command channel; repeater 2 intermittent, switched to simplex.',
];
const PEOPLE = [
  ['Rita Moreno', 'Planning Section Chief'],
  ['Omar Haddad', 'Situation Unit Leader'],
  ['Ana Muñoz', 'Logistics Section Chief'],
  ['Sam Okafor', 'Public Works Liaison'],
  ['Lee Chen', 'Shelter Manager'],
  ['Dana Whitfield', 'Safety Officer'],
  ['Jorge Ibáñez', 'Division A Supervisor'],
  ['Priya Nair', 'Public Information Officer'],
] as const;
const CORRECTION_REASONS = ['Wrong street name', 'Count was wrong', 'Wrong time on the radio log'];

export interface IncidentOptions {
  dept: string;
  userId: string;
  seed: number;
  /** Activity logs of the incident (units or people). */
  logs: number;
  /** Entries across all its logs. */
  entries: number;
  /** The first server revision to give (records get consecutive revs from it). */
  firstRev?: number;
}

export interface GeneratedIncident {
  incidentId: string;
  periodId: string;
  logIds: string[];
  /** The incident, its period, its logs (with their final entryCount and headHash), then the entries. */
  records: SyncRecord[];
}

function entryText(random: Random, n: number): string {
  const text = pick(random, ACTIVITIES);
  // About one in six entries is long: a detailed situation report.
  return random() < 0.16 ? `${text} ${pick(random, ACTIVITIES)} ${pick(random, ACTIVITIES)} (#${n})` : text;
}

/**
 * An incident with `logs` activity logs and `entries` chained entries spread over them. The logs are
 * returned with the chain state their entries leave (entryCount, headHash), as the server holds them.
 */
export function generateIncident(options: IncidentOptions): GeneratedIncident {
  const random = seededRandom(options.seed);
  const start = Date.parse('2026-11-26T06:00:00.000Z');
  let rev = options.firstRev ?? 1;
  const base = (id: string, kind: string, at: string, fields: JsonObject): SyncRecord => ({
    id,
    kind,
    dept: options.dept,
    rev: rev++,
    createdAt: at,
    updatedAt: at,
    createdBy: options.userId,
    updatedBy: options.userId,
    deleted: false,
    fields,
  });
  const startedAt = new Date(start).toISOString();
  const incidentId = uuidv7();
  const periodId = uuidv7();
  const incident = base(incidentId, 'incident', startedAt, {
    name: `Winter storm ${options.seed}`,
    number: `2026-${String(options.seed).padStart(4, '0')}`,
    incidentType: 'severe_weather',
    severity: 'major',
    status: 'active',
    location: 'County-wide',
    startedAt,
    departments: [options.dept],
    exercise: false,
  });
  const period = base(periodId, 'operational_period', startedAt, {
    incidentId,
    number: 1,
    startsAt: startedAt,
    endsAt: new Date(start + 24 * 3600_000).toISOString(),
  });
  const logs = Array.from({ length: options.logs }, (_, i) => {
    const [name, icsPosition] = PEOPLE[i % PEOPLE.length]!;
    return base(uuidv7(), 'activity_log', startedAt, {
      incidentId,
      periodId,
      name: i < PEOPLE.length ? name : `${name} (${Math.floor(i / PEOPLE.length) + 1})`,
      icsPosition,
      homeAgency: 'County Emergency Management',
      resources: [],
    });
  });
  const heads = logs.map((log) => ({ ...log.fields }));
  const written: { id: string; text: string }[][] = logs.map(() => []);
  const entries: SyncRecord[] = [];
  // Event times spread over the 24-hour period, in arrival order (late transcriptions aside).
  const step = (24 * 3600_000) / Math.max(1, options.entries);
  for (let n = 0; n < options.entries; n++) {
    const l = Math.floor(random() * logs.length);
    const log = logs[l]!;
    const recordedAt = start + Math.floor(n * step + random() * step);
    const transcribed = random() < 0.03;
    const eventAt = transcribed ? recordedAt - Math.floor(random() * 6 * 3600_000) : recordedAt - 5_000;
    const content: JsonObject = {
      logId: log.id,
      incidentId,
      eventAt: new Date(eventAt).toISOString(),
      recordedAt: new Date(recordedAt).toISOString(),
      text: entryText(random, n),
      authorName: String(log.fields.name),
    };
    if (random() < 0.08) content.priority = random() < 0.5 ? 'urgent' : 'important';
    if (transcribed) content.transcribed = true;
    const earlier = written[l]!;
    if (earlier.length > 0 && random() < 0.02) {
      const original = pick(random, earlier);
      content.corrects = original.id;
      content.correctionReason = pick(random, CORRECTION_REASONS);
      content.text = `${original.text} (corrected)`;
    }
    const id = uuidv7();
    const contentHash = contentHashOf(content);
    const link = nextLink(heads[l]!, id, contentHash);
    heads[l] = { ...heads[l]!, entryCount: link.seq, headHash: link.hash };
    earlier.push({ id, text: String(content.text) });
    entries.push(base(id, 'log_entry', content.recordedAt as string, { ...content, contentHash, ...link }));
  }
  const chainedLogs = logs.map((log, i) => ({ ...log, fields: heads[i]! }));
  return {
    incidentId,
    periodId,
    logIds: logs.map((log) => log.id),
    records: [incident, period, ...chainedLogs, ...entries],
  };
}

/** The fields of a new entry as the log page's fast entry writes them (contentHash left to the caller). */
export function newEntryContent(
  random: Random,
  refs: { logId: string; incidentId: string; authorName: string },
  n: number,
): JsonObject {
  const now = new Date().toISOString();
  const content: JsonObject = { ...refs, eventAt: now, recordedAt: now, text: entryText(random, n) };
  if (random() < 0.08) content.priority = 'important';
  return content;
}
