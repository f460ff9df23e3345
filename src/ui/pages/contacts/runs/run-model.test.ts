// The run screen's model: who calls whom, where escalation goes (backup, or up the tree), who is in
// charge when the first in line are unreachable, and call sheets / 205A rows from a tree.
import { describe, expect, it } from 'vitest';
import type { PlanRow, RunActivity, TreeSnapshot } from '../../../../storage/run-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { callSheets, commsList } from '../print/print-model';
import { computeRun, escalationTarget, inChargeNow, peopleToCall } from './run-model';

const view = (id: string, kind: string, fields: Record<string, unknown>): RecordView =>
  ({
    id,
    kind,
    dept: 'public-works',
    createdAt: '',
    updatedAt: '',
    createdBy: 'rita',
    updatedBy: 'rita',
    deleted: false,
    pending: false,
    fields,
  }) as unknown as RecordView;

// A (top) calls B and C; B calls D and E; D's backup is C.
const plan: PlanRow[] = [
  { nodeId: 'nA', contactId: 'A', name: 'Ana', order: 0 },
  { nodeId: 'nB', contactId: 'B', parentNodeId: 'nA', name: 'Ben', order: 1 },
  { nodeId: 'nD', contactId: 'D', parentNodeId: 'nB', backupContactId: 'C', name: 'Dee', order: 2 },
  { nodeId: 'nE', contactId: 'E', parentNodeId: 'nB', name: 'Eli', order: 3 },
  { nodeId: 'nC', contactId: 'C', parentNodeId: 'nA', name: 'Cy', order: 4 },
];

let seq = 0;
const attempt = (nodeId: string, outcome: string, at: string) =>
  view(`a${++seq}`, 'calldown_attempt', { runId: 'r', nodeId, contactId: '', outcome, at, callerName: 'x' });

function activity(
  to: 'backup' | 'parent',
  attempts: RecordView[] = [],
  reports: RecordView[] = [],
): RunActivity {
  return {
    run: view('r', 'calldown_run', {
      startedAt: '2026-03-02T08:00:00.000Z',
      escalateAfterAttempts: 2,
      escalateAfterMinutes: 30,
      escalateTo: to,
      plan,
    }),
    plan,
    attempts,
    reports,
  };
}

const now = '2026-03-02T08:10:00.000Z';

describe('computeRun', () => {
  it('lists each caller’s people and the people passed to them', () => {
    const report = view('p1', 'calldown_report', {
      runId: 'r',
      nodeId: 'nE',
      report: 'escalated',
      at: now,
      byName: 'Ben',
      toContactId: 'C',
    });
    const model = computeRun(activity('backup', [], [report]), now);
    expect(model.callers.map((c) => c.name)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(peopleToCall(model, plan, 'B').map((r) => r.name)).toEqual(['Dee', 'Eli']);
    expect(peopleToCall(model, plan, 'C').map((r) => r.name)).toEqual(['Eli']);
    expect(peopleToCall(model, plan, 'top').map((r) => r.name)).toEqual(['Ana']);
    expect(peopleToCall(model, plan, 'all')).toHaveLength(5);
  });

  it('passes to the backup when the rule says so, else up to the caller’s caller', () => {
    const backup = computeRun(activity('backup'), now);
    expect(escalationTarget(backup, plan[2]!)).toEqual({ contactId: 'C', name: 'Cy', via: 'backup' });
    expect(escalationTarget(backup, plan[3]!)).toEqual({ contactId: 'A', name: 'Ana', via: 'parent' });
    const parent = computeRun(activity('parent'), now);
    expect(escalationTarget(parent, plan[2]!)).toEqual({ contactId: 'A', name: 'Ana', via: 'parent' });
    expect(escalationTarget(parent, plan[1]!)).toEqual({ contactId: 'A', name: 'Ana', via: 'parent' });
    expect(escalationTarget(parent, plan[0]!)).toBeNull();
  });

  it('puts the third in line in charge when the first two are unreachable', () => {
    const succession = view('s', 'succession', {
      position: 'Public Works Director',
      contactIds: ['D', 'E', 'C'],
    });
    const before = inChargeNow(computeRun(activity('backup'), now), [succession], () => '');
    expect(before[0]!.holder).toMatchObject({ name: 'Dee', index: 0 });
    const attempts = [
      attempt('nD', 'bad_number', '2026-03-02T08:01:00.000Z'),
      attempt('nE', 'no_answer', '2026-03-02T08:02:00.000Z'),
      attempt('nE', 'no_answer', '2026-03-02T08:03:00.000Z'),
    ];
    const after = inChargeNow(computeRun(activity('backup', attempts), now), [succession], () => '');
    expect(after[0]!.holder).toMatchObject({ contactId: 'C', name: 'Cy', index: 2 });
    expect(after[0]!.skipped.map((s) => s.name)).toEqual(['Dee', 'Eli']);
  });
});

describe('print model', () => {
  const contact = (id: string, name: string, phones: unknown[], position = '') =>
    view(id, 'contact', { name, phones, position });
  const contacts = new Map([
    ['A', contact('A', 'Ana', [{ label: 'work', number: '+18025550001', primary: true }], 'Director')],
    ['B', contact('B', 'Ben', [{ label: 'mobile', number: '+18025550002', primary: true }])],
    ['C', contact('C', 'Cy', [])],
  ]);
  const node = (nodeId: string, contactId: string, order: number, parentNodeId?: string) => ({
    nodeId,
    contactId,
    order,
    ...(parentNodeId ? { parentNodeId } : {}),
  });
  const snapshot = (ids: string[]): TreeSnapshot => ({
    tree: view('t', 'calldown_tree', { name: 'T' }),
    contacts,
    people: [
      { node: node('nA', 'A', 0), depth: 0, contact: contacts.get('A')! },
      { node: node('nC', 'C', 0, 'nA'), depth: 1, contact: contacts.get('C')! },
      { node: node('nB', 'B', 1, 'nA'), depth: 1, contact: contacts.get('B')! },
    ].filter((p) => ids.includes(p.node.contactId)),
  });

  it('puts every person on a call sheet, the top on the initiator’s', () => {
    const sheets = callSheets(snapshot(['A', 'B', 'C']));
    expect(sheets.map((s) => [s.caller?.name ?? null, s.people.map((p) => p.name)])).toEqual([
      [null, ['Ana']],
      ['Ana', ['Cy', 'Ben']],
    ]);
  });

  it('lists the 205A alphabetically and marks it sensitive only with personal numbers', () => {
    const all = commsList(snapshot(['A', 'B', 'C']));
    expect(all.rows.map((r) => r.name)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(all.sensitive).toBe(true);
    expect(commsList(snapshot(['A', 'C'])).sensitive).toBe(false);
  });
});
