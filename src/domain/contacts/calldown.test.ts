import { describe, expect, it } from 'vitest';
import {
  buildTree,
  canMoveUnder,
  isStale,
  personProgress,
  runProgress,
  whoIsInCharge,
  type AttemptLike,
  type EscalationRule,
} from './calldown';

const rule: EscalationRule = { attempts: 3, minutes: 15, to: 'backup' };
const START = '2026-11-26T22:00:00.000Z';
const at = (minute: number) => `2026-11-26T22:${String(minute).padStart(2, '0')}:00.000Z`;
const node = (nodeId: string, parentNodeId: string | null, order = 0) => ({ nodeId, parentNodeId, order });

describe('the tree', () => {
  it('orders children, and lists nodes in a loop or under a removed caller as detached', () => {
    const tree = buildTree([
      node('root', null),
      node('b', 'root', 2),
      node('a', 'root', 1),
      node('a1', 'a'),
      node('x', 'y'), // two moves on two devices made x and y call each other
      node('y', 'x'),
      node('orphan', 'gone'),
    ]);
    expect(tree.roots.map((n) => n.nodeId)).toEqual(['root']);
    expect(tree.childrenOf.get('root')?.map((n) => n.nodeId)).toEqual(['a', 'b']);
    expect(tree.detached.map((n) => n.nodeId).sort()).toEqual(['orphan', 'x', 'y']);
    expect(canMoveUnder(tree, tree.childrenOf.get('root')![0]!, 'a1')).toBe(false);
    expect(canMoveUnder(tree, tree.childrenOf.get('root')![0]!, 'b')).toBe(true);
  });
});

describe('a person during a run', () => {
  const attempts = (...outcomes: [AttemptLike['outcome'], number][]) =>
    outcomes.map(([outcome, minute]) => ({ nodeId: 'n', outcome, at: at(minute) }));

  it('is reached when confirmed or relayed, unavailable when reached but unable to act', () => {
    expect(
      personProgress('n', attempts(['no_answer', 1], ['reached_confirmed', 3]), [], rule, START, at(4)).state,
    ).toBe('reached');
    expect(personProgress('n', attempts(['relayed', 1]), [], rule, START, at(2)).state).toBe('reached');
    expect(personProgress('n', attempts(['reached_unavailable', 1]), [], rule, START, at(2)).state).toBe(
      'unavailable',
    );
  });

  it('needs escalation after the attempts or the minutes of the rule, until passed on', () => {
    const twoTries = attempts(['voicemail', 1], ['no_answer', 5]);
    expect(personProgress('n', twoTries, [], rule, START, at(6)).needsEscalation).toBe(false);
    expect(personProgress('n', twoTries, [], rule, START, at(16))).toMatchObject({
      needsEscalation: true,
      state: 'pending',
    });
    const threeTries = attempts(['no_answer', 1], ['no_answer', 2], ['voicemail', 3]);
    expect(personProgress('n', threeTries, [], rule, START, at(4)).needsEscalation).toBe(true);
    const passedOn = personProgress(
      'n',
      threeTries,
      [{ nodeId: 'n', report: 'escalated', at: at(5), toContactId: 'backup' }],
      rule,
      START,
      at(6),
    );
    expect(passedOn).toMatchObject({ state: 'unreachable', needsEscalation: false, escalatedTo: 'backup' });
    expect(personProgress('n', attempts(['bad_number', 1]), [], rule, START, at(2))).toMatchObject({
      state: 'unreachable',
      badNumber: true,
    });
  });
});

describe('run progress', () => {
  it('counts per branch and overall, and closes a branch when nobody in it is pending', () => {
    const plan = [
      node('root', null),
      node('a', 'root', 1),
      node('a1', 'a'),
      node('b', 'root', 2),
      node('b1', 'b'),
    ];
    const recorded: AttemptLike[] = [
      { nodeId: 'root', outcome: 'reached_confirmed', at: at(1) },
      { nodeId: 'a', outcome: 'reached_confirmed', at: at(2) },
      { nodeId: 'a1', outcome: 'bad_number', at: at(3) },
      { nodeId: 'b', outcome: 'no_answer', at: at(2) },
    ];
    const progress = runProgress(plan, recorded, [], rule, START, at(5));
    expect(progress.counts).toEqual({ reached: 2, unavailable: 0, pending: 2, unreachable: 1 });
    expect(progress.branches.map((b) => [b.nodeId, b.total, b.closed])).toEqual([
      ['a', 2, true],
      ['b', 2, false],
    ]);
    expect(progress.badNumbers).toEqual(['a1']);
    const later = runProgress(
      plan,
      recorded,
      [{ nodeId: 'b', report: 'branch_closed', at: at(20) }],
      rule,
      START,
      at(20),
    );
    expect(later.branches[1]!.closed).toBe(true);
    expect(later.needsEscalation).toEqual(['b']);
  });

  it('keeps up with a 2,000-person tree and 6,000 attempts', () => {
    const plan = [node('n0', null)];
    for (let i = 1; i < 2_000; i++) plan.push(node(`n${i}`, `n${Math.floor((i - 1) / 10)}`, i));
    const recorded: AttemptLike[] = [];
    for (let i = 0; i < 6_000; i++)
      recorded.push({ nodeId: `n${i % 2_000}`, outcome: 'no_answer', at: at(i % 50) });
    const progress = runProgress(plan, recorded, [], rule, START, at(59));
    expect(progress.total).toBe(2_000);
    expect(progress.counts.pending).toBe(2_000);
    expect(progress.needsEscalation).toHaveLength(2_000);
  });
});

describe('who is in charge', () => {
  it('is the third in line when the first two are recorded unreachable', () => {
    const states = new Map([
      [
        'director',
        personProgress('d', [{ nodeId: 'd', outcome: 'bad_number', at: at(1) }], [], rule, START, at(2)),
      ],
      [
        'deputy',
        personProgress(
          'e',
          [{ nodeId: 'e', outcome: 'reached_unavailable', at: at(1) }],
          [],
          rule,
          START,
          at(2),
        ),
      ],
    ]);
    expect(whoIsInCharge(['director', 'deputy', 'engineer'], (id) => states.get(id))).toEqual({
      contactId: 'engineer',
      index: 2,
      skipped: ['director', 'deputy'],
    });
    expect(whoIsInCharge(['director', 'deputy'], (id) => states.get(id))).toBeNull();
    expect(whoIsInCharge(['engineer'], () => undefined)?.contactId).toBe('engineer');
  });
});

describe('staleness', () => {
  it('flags contacts never verified or verified too long ago', () => {
    expect(isStale(undefined, '2026-11-26', 180)).toBe(true);
    expect(isStale('2026-06-01', '2026-11-26', 180)).toBe(false);
    expect(isStale('2026-05-30', '2026-11-26', 180)).toBe(true);
  });
});
