// The tree editor's pure rules: sibling orders by midpoint (renumbering when numbers run out), the visible
// outline rows with levels and positions, and the tops of branches that need placing.
import { describe, expect, it } from 'vitest';
import { buildTree, type TreeNodeLike } from '../../../../domain/contacts/calldown';
import {
  detachedTops,
  MAX_ORDER,
  ORDER_STEP,
  orderAtEnd,
  placeAt,
  siblingsOf,
  visibleRows,
} from './tree-helpers';

const node = (nodeId: string, parentNodeId: string | null, order: number): TreeNodeLike => ({
  nodeId,
  parentNodeId,
  order,
});

/** The siblings' ids in order once `id` takes `placement`. */
function orderAfter(siblings: TreeNodeLike[], id: string, placement: ReturnType<typeof placeAt>): string[] {
  const all =
    'order' in placement
      ? [...siblings, node(id, null, placement.order)]
      : [...siblings, node(id, null, 0)].map((s) => node(s.nodeId, null, placement.renumber.get(s.nodeId)!));
  return all.sort((a, b) => a.order! - b.order!).map((s) => s.nodeId);
}

describe('placeAt', () => {
  const kids = [node('a', 'p', 1_024), node('b', 'p', 2_048), node('c', 'p', 3_072)];

  it('takes the midpoint between neighbours, half the first, or a step after the last', () => {
    expect(placeAt(kids, 1, 'x')).toEqual({ order: 1_536 });
    expect(placeAt(kids, 0, 'x')).toEqual({ order: 512 });
    expect(placeAt(kids, 3, 'x')).toEqual({ order: 3_072 + ORDER_STEP });
    expect(orderAtEnd([], 'x')).toEqual({ order: ORDER_STEP });
    for (const at of [0, 1, 2, 3]) {
      const expected = ['a', 'b', 'c'];
      expected.splice(at, 0, 'x');
      expect(orderAfter(kids, 'x', placeAt(kids, at, 'x'))).toEqual(expected);
    }
  });

  it('renumbers every sibling when no number fits between neighbours', () => {
    const tight = [node('a', 'p', 5), node('b', 'p', 5 + 1e-7)];
    const placement = placeAt(tight, 1, 'x');
    expect('renumber' in placement).toBe(true);
    expect(orderAfter(tight, 'x', placement)).toEqual(['a', 'x', 'b']);
    // Repeated moves to the front halve the first order until it runs out, then renumber.
    let list = [node('a', 'p', 1), node('b', 'p', 2)];
    for (let i = 0; i < 80; i += 1) {
      const p = placeAt(list, 0, `n${i}`);
      list =
        'order' in p
          ? [node(`n${i}`, 'p', p.order), ...list]
          : [...list, node(`n${i}`, 'p', 0)].map((s) => node(s.nodeId, 'p', p.renumber.get(s.nodeId)!));
      list.sort((a, b) => a.order! - b.order!);
      expect(list[0]!.nodeId).toBe(`n${i}`);
      expect(list.every((s) => s.order! > 0 && s.order! <= MAX_ORDER)).toBe(true);
    }
  });

  it('stays within the highest order after the last sibling', () => {
    const last = [node('a', 'p', MAX_ORDER - 10)];
    const placement = placeAt(last, 1, 'x');
    expect(placement).toEqual({ order: MAX_ORDER - 5 });
  });
});

describe('visibleRows', () => {
  const nodes = [
    node('top', null, 1),
    node('b', 'top', 2),
    node('a', 'top', 1),
    node('a1', 'a', 1),
    node('a2', 'a', 2),
    node('b1', 'b', 1),
  ];
  const tree = buildTree(nodes);

  it('walks depth first with levels, positions and expansion', () => {
    const rows = visibleRows(tree.roots, tree.childrenOf, () => true);
    expect(rows.map((r) => [r.node.nodeId, r.level, r.position, r.siblings, r.children, r.parentId])).toEqual(
      [
        ['top', 1, 1, 1, 2, null],
        ['a', 2, 1, 2, 2, 'top'],
        ['a1', 3, 1, 2, 0, 'a'],
        ['a2', 3, 2, 2, 0, 'a'],
        ['b', 2, 2, 2, 1, 'top'],
        ['b1', 3, 1, 1, 0, 'b'],
      ],
    );
  });

  it('leaves the children of a collapsed node out', () => {
    const rows = visibleRows(tree.roots, tree.childrenOf, (n) => n.nodeId !== 'a');
    expect(rows.map((r) => [r.node.nodeId, r.expanded])).toEqual([
      ['top', true],
      ['a', false],
      ['b', true],
      ['b1', false],
    ]);
  });
});

describe('detachedTops and siblingsOf', () => {
  it('gives the tops of orphaned branches and one node of each loop', () => {
    const nodes = [
      node('top', null, 1),
      node('orphan', 'gone', 1),
      node('orphanChild', 'orphan', 1),
      node('loopA', 'loopB', 2),
      node('loopB', 'loopA', 3),
    ];
    const tree = buildTree(nodes);
    const tops = detachedTops(tree);
    expect(tops.map((t) => t.nodeId)).toEqual(['orphan', 'loopA']);
    expect(siblingsOf(tree, tree.roots[0]!, tops).map((t) => t.nodeId)).toEqual(['top']);
    expect(siblingsOf(tree, nodes[1]!, tops).map((t) => t.nodeId)).toEqual(['orphan', 'loopA']);
    expect(siblingsOf(tree, nodes[2]!, tops).map((t) => t.nodeId)).toEqual(['orphanChild']);
  });
});
