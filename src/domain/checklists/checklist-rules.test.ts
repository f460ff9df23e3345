// The rules of a checklist run: the newest mark is the item's state (ties broken by id, so every device
// agrees), a note never changes the state, "undone" reopens, and progress is counted per phase with the
// critical items still open.
import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from './checklist-kinds';
import { isComplete, itemStatuses, runProgress, type ChecklistMark } from './checklist-rules';

const items: ChecklistItem[] = [
  { id: 'a1', section: 's1', text: 'Call the director', role: 'Lead', phase: 'activation', critical: true },
  { id: 'a2', section: 's1', text: 'Open the EOC', role: 'Lead', phase: 'activation', critical: false },
  { id: 'c1', section: 's2', text: 'Paper intake', role: 'Clerk', phase: 'continuity', critical: true },
  {
    id: 'r1',
    section: 's3',
    text: 'Key paper back in',
    role: 'Clerk',
    phase: 'reconstitution',
    critical: false,
  },
];

let seq = 0;
const mark = (
  itemId: string,
  action: ChecklistMark['action'],
  at: string,
  extra: Partial<ChecklistMark> = {},
) =>
  ({
    id: `m${String(++seq).padStart(3, '0')}`,
    itemId,
    action,
    at,
    byName: 'Rita',
    ...extra,
  }) as ChecklistMark;

describe('itemStatuses', () => {
  it('leaves unmarked items open', () => {
    const statuses = itemStatuses(items, []);
    expect([...statuses.values()].map((s) => s.state)).toEqual(['open', 'open', 'open', 'open']);
  });

  it('takes the newest mark by time, whatever order the marks arrive in', () => {
    const done = mark('a1', 'done', '2026-03-02T09:05:00Z', { byName: 'Omar' });
    const undone = mark('a1', 'undone', '2026-03-02T09:01:00Z');
    for (const marks of [
      [done, undone],
      [undone, done],
    ]) {
      const status = itemStatuses(items, marks).get('a1')!;
      expect(status).toMatchObject({ state: 'done', by: 'Omar', at: '2026-03-02T09:05:00Z' });
      expect(status.marks.map((m) => m.id)).toEqual([undone.id, done.id]);
    }
  });

  it('breaks a tie of times by id, the same way on every device', () => {
    const at = '2026-03-02T09:05:00Z';
    const first = { ...mark('a2', 'not_applicable', at, { note: 'No EOC here' }), id: 'x-1' };
    const second = { ...mark('a2', 'done', at, { byName: 'Omar' }), id: 'x-2' };
    expect(itemStatuses(items, [second, first]).get('a2')!.state).toBe('done');
    expect(itemStatuses(items, [first, second]).get('a2')!.state).toBe('done');
  });

  it('does not change the state with a note, and keeps the note in the history', () => {
    const statuses = itemStatuses(items, [
      mark('c1', 'done', '2026-03-02T09:00:00Z'),
      mark('c1', 'note', '2026-03-02T09:10:00Z', { note: 'Forms in the blue box', byName: 'Omar' }),
    ]);
    expect(statuses.get('c1')).toMatchObject({ state: 'done', by: 'Rita', at: '2026-03-02T09:00:00Z' });
    expect(statuses.get('c1')!.marks.map((m) => m.action)).toEqual(['done', 'note']);
  });

  it('reopens an item with "undone" and gives the reason of a not-applicable item', () => {
    const statuses = itemStatuses(items, [
      mark('a1', 'done', '2026-03-02T09:00:00Z'),
      mark('a1', 'undone', '2026-03-02T09:02:00Z'),
      mark('r1', 'not_applicable', '2026-03-02T09:03:00Z', { note: 'Nothing on paper' }),
    ]);
    expect(statuses.get('a1')!.state).toBe('open');
    expect(statuses.get('r1')).toMatchObject({ state: 'not_applicable', reason: 'Nothing on paper' });
  });

  it('ignores marks for items the run does not hold', () => {
    const statuses = itemStatuses(items, [mark('zz', 'done', '2026-03-02T09:00:00Z')]);
    expect(statuses.has('zz')).toBe(false);
  });
});

describe('runProgress', () => {
  it('counts done, not applicable, open and critical open per phase, in phase order', () => {
    const statuses = itemStatuses(items, [
      mark('a2', 'done', '2026-03-02T09:00:00Z'),
      mark('r1', 'not_applicable', '2026-03-02T09:00:00Z', { note: 'n/a' }),
    ]);
    const progress = runProgress(items, statuses);
    expect(progress.phases).toEqual([
      { phase: 'activation', total: 2, done: 1, notApplicable: 0, open: 1, criticalOpen: 1 },
      { phase: 'continuity', total: 1, done: 0, notApplicable: 0, open: 1, criticalOpen: 1 },
      { phase: 'reconstitution', total: 1, done: 0, notApplicable: 1, open: 0, criticalOpen: 0 },
    ]);
    expect(progress.overall).toEqual({ total: 4, done: 1, notApplicable: 1, open: 2, criticalOpen: 2 });
    expect(isComplete(progress)).toBe(false);
  });

  it('is complete when nothing is open', () => {
    const marks = items.map((item) => mark(item.id, 'done', '2026-03-02T09:00:00Z'));
    const progress = runProgress(items, itemStatuses(items, marks));
    expect(progress.overall.criticalOpen).toBe(0);
    expect(isComplete(progress)).toBe(true);
    expect(isComplete(runProgress([], new Map()))).toBe(false);
  });
});
