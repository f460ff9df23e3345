// Seeded property test: several devices make random changes offline against stale views, push them in
// random order with lost responses, gaps and retries, pull at random moments, and in the end all agree.
import { describe, expect, it } from 'vitest';
import type { Role } from '../users';
import { applyLocal, rebase } from './apply-local';
import { conflictFieldsOf, conflictRecordId } from './conflict-record';
import { jsonEqual } from './json-value';
import type { MutationArgs, MutationName } from './mutation-types';
import type { OutboxEntry } from './outbox-entry';
import type { SyncRecord } from './sync-record';
import { TestServer, id } from './test-helpers';

/** mulberry32: a tiny seeded PRNG, so a failing seed can be replayed exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const accounts: Record<string, { role: Role; departments: string[] }> = {
  rita: { role: 'clerk', departments: ['public-works'] },
  sam: { role: 'field', departments: ['public-works', 'parks'] },
  ana: { role: 'admin', departments: [] },
  val: { role: 'viewer', departments: ['parks'] },
};
const DEPTS = ['public-works', 'parks', 'fire'];
const TITLES = ['Culvert', 'Pothole', 'Fallen tree'];
const BODIES = ['', 'Seen at 9:00', 'Crew on site'];

interface Device {
  clientId: string;
  userId: string;
  pulled: SyncRecord[];
  outbox: OutboxEntry[];
  nextSeq: number;
}

function simulate(seed: number, steps: number) {
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(rand() * items.length)];
  const server = new TestServer(accounts);
  const devices: Device[] = ['rita', 'sam', 'ana', 'val', 'rita'].map((userId, i) => ({
    clientId: `device-${i}`,
    userId,
    pulled: [],
    outbox: [],
    nextSeq: 1,
  }));
  let idCounter = 0;
  let clock = Date.parse('2025-03-04T09:00:00.000Z');
  const session = (d: Device) => accounts[d.userId] ?? { role: 'viewer' as const, departments: [] };
  const local = (d: Device) => rebase(d.pulled, d.outbox, session(d)).state;

  function randomMutation(d: Device): { name: MutationName; args: MutationArgs[MutationName] } | null {
    const records = [...local(d).records.values()].filter((r) => !r.deleted);
    const notes = records.filter((r) => r.kind === 'note');
    const roll = rand();
    const note = pick(notes);
    const fields = () => {
      const out: Record<string, string> = {};
      if (rand() < 0.6) out.title = pick(TITLES) ?? 'Culvert';
      if (rand() < 0.5) out.body = pick(BODIES) ?? '';
      if (rand() < 0.4) out.status = rand() < 0.5 ? 'open' : 'closed';
      return out;
    };
    if (roll < 0.25 || !note) {
      const args = {
        kind: 'note',
        id: id(++idCounter),
        dept: pick(DEPTS) ?? 'parks',
        fields: { title: pick(TITLES) ?? 'x' },
      };
      return { name: 'record.create', args };
    }
    if (roll < 0.65) return { name: 'record.update', args: { kind: 'note', id: note.id, fields: fields() } };
    if (roll < 0.72) return { name: 'record.delete', args: { kind: 'note', id: note.id } };
    if (roll < 0.87) {
      const args = {
        kind: 'note_comment',
        id: id(++idCounter),
        dept: note.dept,
        fields: { noteId: note.id, text: 'ok' },
      };
      return { name: 'entry.append', args };
    }
    const conflict = pick(records.filter((r) => conflictFieldsOf(r)?.status === 'open'));
    const c = conflictFieldsOf(conflict);
    if (!conflict || !c) return null;
    return {
      name: 'conflict.resolve',
      args: { conflictId: conflict.id, value: rand() < 0.5 ? c.serverValue : c.clientValue },
    };
  }

  function mutate(d: Device) {
    const mutation = randomMutation(d);
    if (!mutation) return;
    const at = new Date((clock += 1000)).toISOString();
    const result = applyLocal(local(d), mutation.name, mutation.args, {
      userId: d.userId,
      ...session(d),
      now: at,
    });
    if ('rejected' in result) return; // the UI refuses it; nothing is queued
    const baseRevs = { ...result.baseRevs };
    // Random (staler) base revisions, as a device that pulled long ago would send.
    for (const key of Object.keys(baseRevs))
      if (rand() < 0.25) baseRevs[key] = rand() < 0.3 ? null : Math.floor(rand() * 5);
    const entry = {
      clientId: d.clientId,
      seq: d.nextSeq++,
      ...mutation,
      baseRevs,
      at,
      userId: d.userId,
    } as OutboxEntry;
    d.outbox.push(entry);
  }

  function push(d: Device, lossy: boolean) {
    if (d.outbox.length === 0) return;
    let batch = d.outbox.slice(0, 1 + Math.floor(rand() * d.outbox.length));
    if (lossy && batch.length > 1 && rand() < 0.15) batch = batch.slice(1); // a gap: refused
    const response = server.push(d.clientId, batch, (entry, applied) => {
      if (applied.status !== 'rejected') checkNothingLost(entry, applied.conflictIds);
      expect(server.apply(entry).changes, 'applying twice writes nothing').toEqual([]);
    });
    if (lossy && rand() < 0.2) return; // the response was lost: the device will send these again
    d.outbox = d.outbox.filter((e) => e.seq > response.lastSeq);
  }

  /** Every field of an applied update either holds the device's value or has a conflict naming it. */
  function checkNothingLost(entry: OutboxEntry, conflictIds: string[]) {
    if (entry.name !== 'record.update') return;
    const record = server.records.get(entry.args.id);
    if (!record || record.deleted) return;
    for (const [field, value] of Object.entries(entry.args.fields)) {
      const kept = jsonEqual(record.fields[field], value);
      expect(kept || conflictIds.includes(conflictRecordId(entry.clientId, entry.seq, field))).toBe(true);
    }
  }

  for (let step = 0; step < steps; step++) {
    const d = pick(devices);
    if (!d) continue;
    const roll = rand();
    if (roll < 0.55) mutate(d);
    else if (roll < 0.8) push(d, true);
    else d.pulled = server.pull();
  }
  // Everyone reconnects for good: push until every outbox is empty, then pull.
  for (let round = 0; devices.some((d) => d.outbox.length > 0); round++) {
    expect(round).toBeLessThan(1000);
    for (const d of devices) push(d, false);
  }
  for (const d of devices) d.pulled = server.pull();
  return { server, devices, local };
}

const byId = (records: Iterable<SyncRecord>) => [...records].sort((a, b) => a.id.localeCompare(b.id));

describe('convergence', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    'seed %i: every device ends equal to the server',
    (seed) => {
      const { server, devices, local } = simulate(seed, 200);
      const truth = byId(server.pull());
      for (const d of devices) expect(byId(local(d).records.values())).toEqual(truth);

      // The server is deterministic: replaying its log on a fresh server gives the same records.
      const replay = new TestServer(accounts);
      for (const entry of server.log) replay.apply(entry);
      expect(byId(replay.records.values())).toEqual(byId(server.records.values()));
    },
  );

  it('exercises conflicts, rejections and resolutions somewhere in the seeds', () => {
    const statuses = new Set<string>();
    let resolved = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { server } = simulate(seed, 200);
      const replay = new TestServer(accounts);
      for (const entry of server.log) statuses.add(replay.apply(entry).status);
      resolved += [...server.records.values()].filter(
        (r) => conflictFieldsOf(r)?.status === 'resolved',
      ).length;
    }
    expect([...statuses].sort()).toEqual(['applied', 'conflict', 'rejected']);
    expect(resolved).toBeGreaterThan(0);
  });
});
