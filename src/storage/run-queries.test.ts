// Run reads: a tree's runs by "@tree=", a run's attempts and reports by "@run=" (another run's left out),
// and the plan a run keeps from the tree as it is (tree order, primary phone, detached nodes on top).
import { describe, expect, it, vi } from 'vitest';
import { runProgress } from '../domain/contacts/calldown';
import type { JsonObject } from '../domain/sync/json-value';
import { applyPulledPage } from './apply-pulled-page';
import type { HoldfastDatabase } from './database';
import { stripLocal } from './sync-rows';
import { listTreeRuns, planFromSnapshot, readRunActivity, readTreeSnapshot } from './run-queries';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';

const ctx = ritaCtx({ role: 'manager', now: '2026-03-02T09:00:00.000Z' });

async function write(
  db: HoldfastDatabase,
  name: 'record.create' | 'entry.append',
  kind: string,
  id: string,
  fields: JsonObject,
) {
  const result = await writeMutation(db, name, { kind, id, dept: 'public-works', fields }, ctx);
  expect(result.ok, JSON.stringify(result)).toBe(true);
}

const phone = (i: number) => `+1802555${String(i).padStart(4, '0')}`;

/** Tree 1: node 10 (contact 100) at the top; 11 and 12 under it (12 first by order); 13 under 11. */
async function sampleTree() {
  const db = await freshDatabase();
  for (const i of [100, 101, 102, 103])
    await write(db, 'record.create', 'contact', n(i), {
      name: `Person ${i}`,
      phones: [
        { label: 'work', number: phone(i) },
        { label: 'mobile', number: phone(i + 1000), primary: true },
      ],
    });
  await write(db, 'record.create', 'calldown_tree', n(1), { name: 'After hours' });
  await write(db, 'record.create', 'calldown_tree', n(2), { name: 'Other tree' });
  const node = (i: number, contact: number, order: number, parent?: number, backup?: number) =>
    write(db, 'record.create', 'tree_node', n(i), {
      treeId: n(1),
      contactId: n(contact),
      order,
      ...(parent ? { parentNodeId: n(parent) } : {}),
      ...(backup ? { backupContactId: n(backup) } : {}),
    });
  await node(10, 100, 0);
  await node(11, 101, 2, 10, 102);
  await node(12, 102, 1, 10);
  await node(13, 103, 0, 11);
  await write(db, 'record.create', 'tree_node', n(14), { treeId: n(2), contactId: n(100), order: 0 });
  return db;
}

describe('readTreeSnapshot and planFromSnapshot', () => {
  it('lists the tree depth first in order, with names and primary phones', async () => {
    const db = await sampleTree();
    const snapshot = (await readTreeSnapshot(db, n(1)))!;
    expect(snapshot.people.map((p) => [p.node.nodeId, p.depth])).toEqual([
      [n(10), 0],
      [n(12), 1],
      [n(11), 1],
      [n(13), 2],
    ]);
    const plan = planFromSnapshot(snapshot);
    expect(plan[2]).toEqual({
      nodeId: n(11),
      contactId: n(101),
      parentNodeId: n(10),
      backupContactId: n(102),
      name: 'Person 101',
      phone: phone(1101),
    });
    expect(plan[0]).toEqual({ nodeId: n(10), contactId: n(100), name: 'Person 100', phone: phone(1100) });
    expect(await readTreeSnapshot(db, n(100))).toBeNull();
  });

  it('puts a node whose caller is gone at the top of its own branch', async () => {
    const db = await sampleTree();
    await write(db, 'record.create', 'tree_node', n(15), {
      treeId: n(1),
      contactId: n(103),
      order: 0,
      parentNodeId: n(999),
    });
    const plan = planFromSnapshot((await readTreeSnapshot(db, n(1)))!);
    expect(plan.at(-1)).toMatchObject({ nodeId: n(15) });
    expect(plan.at(-1)!.parentNodeId).toBeUndefined();
  });
});

describe('runs, attempts and reports', () => {
  it('reads a tree runs and only the attempts and reports of the run asked for', async () => {
    const db = await sampleTree();
    const plan = planFromSnapshot((await readTreeSnapshot(db, n(1)))!);
    const run = (id: number, startedAt: string) =>
      write(db, 'record.create', 'calldown_run', n(id), {
        treeId: n(1),
        treeName: 'After hours',
        message: 'Report to the yard',
        startedAt,
        exercise: true,
        plan,
        escalateAfterAttempts: 2,
        escalateAfterMinutes: 15,
        escalateTo: 'backup',
      });
    await run(20, '2026-03-02T08:00:00.000Z');
    await run(21, '2026-03-02T08:30:00.000Z');
    const attempt = (id: number, runId: number, node: number, outcome: string, at: string) =>
      write(db, 'entry.append', 'calldown_attempt', n(id), {
        runId: n(runId),
        nodeId: n(node),
        contactId: n(100),
        outcome,
        at,
        callerName: 'Rita',
      });
    await attempt(30, 20, 12, 'reached_confirmed', '2026-03-02T08:05:00.000Z');
    await attempt(31, 20, 11, 'no_answer', '2026-03-02T08:02:00.000Z');
    await attempt(32, 20, 11, 'no_answer', '2026-03-02T08:04:00.000Z');
    await attempt(33, 21, 11, 'reached_confirmed', '2026-03-02T08:31:00.000Z');
    await write(db, 'entry.append', 'calldown_report', n(40), {
      runId: n(20),
      nodeId: n(13),
      report: 'escalated',
      at: '2026-03-02T08:06:00.000Z',
      byName: 'Rita',
      toContactId: n(102),
    });

    expect((await listTreeRuns(db, n(1))).map((r) => r.id)).toEqual([n(21), n(20)]);
    expect(await listTreeRuns(db, n(2))).toEqual([]);

    const activity = (await readRunActivity(db, n(20)))!;
    expect(activity.attempts.map((a) => a.id)).toEqual([n(31), n(32), n(30)]);
    expect(activity.reports.map((r) => r.id)).toEqual([n(40)]);
    expect(activity.plan.map((row) => row.order)).toEqual([0, 1, 2, 3]);
    expect(await readRunActivity(db, n(1))).toBeNull();

    // The server's copies arrive (nothing left to send): later reads load only attempts not yet seen.
    await db.outbox.clear();
    const stored = await db.records.bulkGet([n(30), n(31), n(32)]);
    await applyPulledPage(
      db,
      {
        records: stored.map((row) => ({ ...stripLocal(row!), rev: 5 })),
        cursor: '5',
        hasMore: false,
        scope: { departments: ['public-works'] },
      },
      { userId: 'rita', startResync: false },
    );
    expect((await readRunActivity(db, n(20)))!.attempts.every((a) => !a.pending)).toBe(true);
    await attempt(34, 20, 13, 'voicemail', '2026-03-02T08:03:00.000Z');
    const bulkGet = vi.spyOn(db.records, 'bulkGet');
    const collection = Object.getPrototypeOf(db.records.where('terms').equals('-')) as {
      toArray(): Promise<unknown[]>;
    };
    const toArray = vi.spyOn(collection, 'toArray');
    const again = (await readRunActivity(db, n(20)))!;
    expect(again.attempts.map((a) => a.id)).toEqual([n(31), n(34), n(32), n(30)]);
    // Only the new attempt is read: the run's 3 other attempts are neither re-read nor listed again.
    expect(bulkGet.mock.calls.map(([ids]) => ids)).toEqual([[n(34)]]);
    expect(toArray.mock.calls.length).toBe(1); // the run's reports, a separate small range
    bulkGet.mockRestore();
    toArray.mockRestore();

    const progress = runProgress(
      activity.plan,
      activity.attempts.map((a) => a.fields as never),
      activity.reports.map((r) => r.fields as never),
      { attempts: 2, minutes: 15, to: 'backup' },
      '2026-03-02T08:00:00.000Z',
      '2026-03-02T08:07:00.000Z',
    );
    expect(progress.counts).toEqual({ reached: 1, unavailable: 0, pending: 2, unreachable: 1 });
    expect(progress.needsEscalation).toEqual([n(11)]);
  });
});
