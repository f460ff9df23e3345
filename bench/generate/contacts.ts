// Synthetic Contacts data for the Contacts figures (issue 6): contacts with E.164 phones, one call-down
// tree of a few levels (first-tier coordinators, team leads, members) with some backup callers, orders of
// succession, and a call-down run of that tree (its plan in tree order, as planFromSnapshot keeps it) with
// attempts of every outcome, as records a pull delivers (with a server revision, synced, no pending edit).
// Some people at the end of the plan are kept without any attempt (`reserve`): the bench records their
// first attempts, each of which moves the run's overall "reached" count by one. Seeded: every run gets
// the same records. No Node-only imports: the page runs it too.
import { v7 as uuidv7 } from 'uuid';
import type { AttemptOutcome } from '../../src/domain/contacts/contact-kinds';
import type { JsonObject } from '../../src/domain/sync/json-value';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import { between, pick, seededRandom, type Random } from './random';

const FIRST = ['Ana', 'Omar', 'Rita', 'Sam', 'Lee', 'Dana', 'Jorge', 'Priya', 'José', 'Maya', 'Tom', 'Ines'];
const LAST = ['Moreno', 'Haddad', 'Muñoz', 'Okafor', 'Chen', 'Whitfield', 'Ibáñez', 'Nair', "O'Neil", 'Ruiz'];
const POSITIONS = [
  'Public Works Director',
  'Fire Chief',
  'Shelter Manager',
  'Road Crew Lead',
  'Dispatcher',
  'Health Officer',
  'Volunteer',
  '',
];
/** Outcomes of the generated attempts, with their weights (most calls are not answered at once). */
const OUTCOMES: [AttemptOutcome, number][] = [
  ['no_answer', 0.4],
  ['voicemail', 0.25],
  ['reached_confirmed', 0.25],
  ['reached_unavailable', 0.05],
  ['bad_number', 0.04],
  ['relayed', 0.01],
];

export interface ContactsOptions {
  dept: string;
  userId: string;
  seed: number;
  /** Contacts, and people on the tree (every contact is on it once). */
  people: number;
  /** Attempts recorded in the run so far. */
  attempts: number;
  /** People at the end of the plan left without attempts, for the bench to record. */
  reserve: number;
  /** When the run is generated ("now"); the run started an hour earlier. */
  now: string;
  firstRev?: number;
}

export interface GeneratedContacts {
  treeId: string;
  runId: string;
  /** The run's plan, in tree order. */
  plan: Record<string, string>[];
  /** The plan rows left without attempts (the last `reserve` of the plan). */
  reserve: Record<string, string>[];
  /** Contacts, successions, the tree and its nodes, the run, then the attempts. */
  records: SyncRecord[];
}

function outcomeOf(random: Random): AttemptOutcome {
  let u = random();
  for (const [outcome, weight] of OUTCOMES) {
    if (u < weight) return outcome;
    u -= weight;
  }
  return 'no_answer';
}

/**
 * `people` contacts on one tree: 8 first-tier coordinators, about 12 team leads under each, everyone else
 * under a team lead (four levels with the activation authority above); one in five has a backup caller.
 */
export function generateContacts(options: ContactsOptions): GeneratedContacts {
  const random = seededRandom(options.seed);
  const now = Date.parse(options.now);
  const startedAt = new Date(now - 3600_000).toISOString();
  const setupAt = new Date(now - 30 * 24 * 3600_000).toISOString();
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

  const contacts = Array.from({ length: options.people }, (_, i) => {
    const name = `${pick(random, FIRST)} ${pick(random, LAST)} ${i + 1}`;
    const number = `+1802${String(2_000_000 + i).padStart(7, '0')}`;
    const fields: JsonObject = {
      name,
      phones: [
        { label: 'mobile', number, primary: true },
        ...(random() < 0.4
          ? [{ label: 'work', number: `+1802${String(5_000_000 + i).padStart(7, '0')}` }]
          : []),
      ],
      preferredMethod: 'call',
      lastVerified: `2026-0${between(random, 1, 9)}-1${between(random, 0, 9)}`,
    };
    const position = pick(random, POSITIONS);
    if (position) fields.position = position;
    if (random() < 0.3) fields.email = `person${i + 1}@example.org`;
    return base(uuidv7(), 'contact', setupAt, fields);
  });

  const treeId = uuidv7();
  const tree = base(treeId, 'calldown_tree', setupAt, {
    name: `All staff ${options.seed}`,
    escalateAfterAttempts: 3,
    escalateAfterMinutes: 15,
    escalateTo: 'backup',
  });
  // Tiers: coordinators (roots), team leads (under a coordinator), members (under a team lead).
  const coordinators = Math.min(8, options.people);
  const leads = Math.min(coordinators * 12, Math.max(0, options.people - coordinators));
  const nodeIds = contacts.map(() => uuidv7());
  const parentOf = (i: number): number | null =>
    i < coordinators
      ? null
      : i < coordinators + leads
        ? (i - coordinators) % coordinators
        : leads > 0
          ? coordinators + ((i - coordinators - leads) % leads)
          : (i - coordinators) % coordinators;
  const children = new Map<number | null, number[]>();
  for (let i = 0; i < contacts.length; i++) {
    const parent = parentOf(i);
    const list = children.get(parent) ?? [];
    list.push(i);
    children.set(parent, list);
  }
  const backupOf = new Map<number, number>();
  for (let i = coordinators; i < contacts.length; i++) {
    if (random() >= 0.2) continue;
    const backup = Math.floor(random() * contacts.length);
    if (backup !== i) backupOf.set(i, backup);
  }
  const nodes = contacts.map((contact, i) => {
    const parent = parentOf(i);
    const fields: JsonObject = {
      treeId,
      contactId: contact.id,
      order: (children.get(parent) ?? []).indexOf(i),
    };
    if (parent !== null) fields.parentNodeId = nodeIds[parent]!;
    const backup = backupOf.get(i);
    if (backup !== undefined) fields.backupContactId = contacts[backup]!.id;
    return base(nodeIds[i]!, 'tree_node', setupAt, fields);
  });

  // The plan: depth first, siblings in order, as planFromSnapshot writes it.
  const plan: Record<string, string>[] = [];
  const walk = (i: number) => {
    const contact = contacts[i]!;
    const row: Record<string, string> = {
      nodeId: nodeIds[i]!,
      contactId: contact.id,
      name: String(contact.fields.name),
      phone: String((contact.fields.phones as JsonObject[])[0]!.number),
    };
    const parent = parentOf(i);
    if (parent !== null) row.parentNodeId = nodeIds[parent]!;
    const backup = backupOf.get(i);
    if (backup !== undefined) row.backupContactId = contacts[backup]!.id;
    plan.push(row);
    for (const child of children.get(i) ?? []) walk(child);
  };
  for (const root of children.get(null) ?? []) walk(root);

  const successions = ['Incident Commander', 'Public Information Officer', 'Finance Chief'].map(
    (position, p) =>
      base(uuidv7(), 'succession', setupAt, {
        position,
        contactIds: [0, 1, 2].map((k) => contacts[(p + k * coordinators) % contacts.length]!.id),
      }),
  );

  const runId = uuidv7();
  const run = base(runId, 'calldown_run', startedAt, {
    treeId,
    treeName: String(tree.fields.name),
    message: 'Flood warning for the river district: report to your station by 18:00.',
    startedAt,
    status: 'active',
    exercise: false,
    plan,
    escalateAfterAttempts: 3,
    escalateAfterMinutes: 15,
    escalateTo: 'backup',
  });

  const reserve = Math.min(options.reserve, plan.length);
  const called = plan.length - reserve;
  if (called <= 0 && options.attempts > 0) throw new Error('no people left to generate attempts for');
  const span = now - Date.parse(startedAt);
  const attempts: SyncRecord[] = [];
  for (let n = 0; n < options.attempts; n++) {
    const row = plan[Math.floor(random() * called)]!;
    const at = new Date(Date.parse(startedAt) + Math.floor(((n + random()) / options.attempts) * span));
    const outcome = outcomeOf(random);
    const fields: JsonObject = {
      runId,
      nodeId: row.nodeId!,
      contactId: row.contactId!,
      outcome,
      at: at.toISOString(),
      callerName: pick(random, FIRST),
      phoneUsed: row.phone!,
    };
    if (outcome === 'relayed') fields.relayedVia = 'Spouse';
    attempts.push(base(uuidv7(), 'calldown_attempt', at.toISOString(), fields));
  }
  return {
    treeId,
    runId,
    plan,
    reserve: plan.slice(called),
    records: [...contacts, ...successions, tree, ...nodes, run, ...attempts],
  };
}
