// Data for the outage packet figure: open permits (numbered, with addresses and applicants, in the statuses
// a packet prints) and managers' own checklist templates, as records a pull delivers. The call-down tree
// and its contacts come from generate/contacts.ts. Seeded: every run gets the same records.
// No Node-only imports: the packet figure's bundle runs it in the page.
import { v7 as uuidv7 } from 'uuid';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import { seededRandom } from './random';

const OPEN_STATUSES = ['submitted', 'in_review', 'fees_due', 'issued', 'inspections'];
const STREETS = ['Maple St', 'North Ave', 'Pine St', 'Church St', 'Shelburne Rd', 'Colchester Ave'];
const TYPES = ['Building', 'Deck', 'Electrical', 'Plumbing', 'Demolition', 'Sign'];
const NAMES = ['Ana Ruiz', 'Ben Ode', 'Chloé Martin', 'Dev Patel', 'Eli Cohen', 'Fatima Noor'];

function record(kind: string, dept: string, userId: string, rev: number, fields: SyncRecord['fields']) {
  const at = '2026-02-01T12:00:00.000Z';
  return {
    id: uuidv7(),
    kind,
    dept,
    rev,
    createdAt: at,
    updatedAt: at,
    createdBy: userId,
    updatedBy: userId,
    deleted: false,
    fields,
  } satisfies SyncRecord;
}

export function generatePacketRecords(options: {
  dept: string;
  userId: string;
  seed: number;
  permits: number;
  templates: number;
  firstRev: number;
}): SyncRecord[] {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const records: SyncRecord[] = [];
  let rev = options.firstRev;
  for (let i = 0; i < options.permits; i++)
    records.push(
      record('permit', options.dept, options.userId, rev++, {
        number: `26-${String(100_000 + i).padStart(6, '0')}`,
        address: `${1 + Math.floor(random() * 900)} ${pick(STREETS)}`,
        permitType: pick(TYPES),
        description: 'Work as described in the application',
        applicantName: pick(NAMES),
        appliedDate: '2026-01-15',
        status: pick(OPEN_STATUSES),
      }),
    );
  for (let k = 0; k < options.templates; k++) {
    const sections = [1, 2, 3].map((s) => ({ id: `s${s}`, title: `Phase ${s}` }));
    const items = Array.from({ length: 15 }, (_, i) => ({
      id: `i${i + 1}`,
      section: `s${1 + (i % 3)}`,
      text: `Task ${i + 1} of the department's own checklist ${k + 1}`,
      role: 'Duty officer',
      phase: 'activation',
      critical: i % 5 === 0,
    }));
    records.push(
      record('checklist_template', options.dept, options.userId, rev++, {
        title: `Department checklist ${k + 1}`,
        language: 'en',
        version: 1,
        sections,
        items,
      }),
    );
  }
  return records;
}
