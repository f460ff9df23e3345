// Pure helpers of the tree editor: sibling order numbers (midpoints, renumbering when they run out), the
// visible rows of the outline (only expanded branches are rendered, so 2,000 people open fast), and the
// tops of the branches that need placing.
import type { Tree, TreeNodeLike } from '../../../../domain/contacts/calldown';

/** Gap between sibling order numbers when they are (re)numbered. */
export const ORDER_STEP = 1_024;
/** The domain's highest order number (contact-kinds.ts). */
export const MAX_ORDER = 1_000_000;

/** A new order for a node, or new orders for every sibling when no number fits between two neighbours. */
export type Placement = { order: number } | { renumber: Map<string, number> };

/**
 * Where a node goes among `siblings` (in order, without the node itself) so that it ends at `index`:
 * the midpoint of its neighbours' orders, or after the last one. When the neighbours are too close (or
 * there is no room before the first or after the last), every sibling is renumbered, the node included.
 */
export function placeAt<N extends TreeNodeLike>(
  siblings: readonly N[],
  index: number,
  nodeId: string,
): Placement {
  const at = Math.max(0, Math.min(index, siblings.length));
  const before = at > 0 ? (siblings[at - 1]!.order ?? 0) : null;
  const after = at < siblings.length ? (siblings[at]!.order ?? 0) : null;
  let order: number | null;
  if (before === null && after === null) order = ORDER_STEP;
  else if (before === null) order = after! / 2;
  else if (after === null)
    order = before + ORDER_STEP <= MAX_ORDER ? before + ORDER_STEP : (before + MAX_ORDER) / 2;
  else order = (before + after) / 2;
  const fits =
    (before === null || order - before > 1e-6) &&
    (after === null || after - order > 1e-6) &&
    order > 0 &&
    order <= MAX_ORDER;
  if (fits) return { order };
  const ids = siblings.map((node) => node.nodeId);
  ids.splice(at, 0, nodeId);
  const step = Math.min(ORDER_STEP, Math.floor(MAX_ORDER / (ids.length + 1)));
  return { renumber: new Map(ids.map((id, i) => [id, (i + 1) * step])) };
}

/** The order for a node added as the last child of a caller (or at the top). */
export function orderAtEnd<N extends TreeNodeLike>(siblings: readonly N[], nodeId: string): Placement {
  return placeAt(siblings, siblings.length, nodeId);
}

export interface OutlineRow<N> {
  node: N;
  /** 1 for the top of the tree (aria-level). */
  level: number;
  /** Position among siblings, from 1, and how many siblings (aria-posinset / aria-setsize). */
  position: number;
  siblings: number;
  /** How many people this node calls directly. */
  children: number;
  expanded: boolean;
  parentId: string | null;
}

/**
 * The rows the outline shows, depth first: every top, and the children of each expanded node. A node seen
 * twice (never in a built tree, but cheap to guard) is shown once.
 */
export function visibleRows<N extends TreeNodeLike>(
  tops: readonly N[],
  childrenOf: Map<string, N[]>,
  isExpanded: (node: N, level: number) => boolean,
): OutlineRow<N>[] {
  const rows: OutlineRow<N>[] = [];
  const seen = new Set<string>();
  const walk = (list: readonly N[], level: number, parentId: string | null) => {
    list.forEach((node, i) => {
      if (seen.has(node.nodeId)) return;
      seen.add(node.nodeId);
      const kids = childrenOf.get(node.nodeId) ?? [];
      const expanded = kids.length > 0 && isExpanded(node, level);
      rows.push({
        node,
        level,
        position: i + 1,
        siblings: list.length,
        children: kids.length,
        expanded,
        parentId,
      });
      if (expanded) walk(kids, level + 1, node.nodeId);
    });
  };
  walk(tops, 1, null);
  return rows;
}

/**
 * The tops of the branches that need placing: detached nodes whose caller is gone (not detached itself).
 * Nodes in a loop (two moves on two devices) have no such top, so the first of each loop stands in for it.
 */
export function detachedTops<N extends TreeNodeLike>(tree: Tree<N>): N[] {
  const detached = new Set(tree.detached.map((node) => node.nodeId));
  const tops = tree.detached.filter((node) => !node.parentNodeId || !detached.has(node.parentNodeId));
  const covered = new Set<string>();
  const cover = (node: N) => {
    if (covered.has(node.nodeId)) return;
    covered.add(node.nodeId);
    for (const child of tree.childrenOf.get(node.nodeId) ?? []) cover(child);
  };
  tops.forEach(cover);
  for (const node of tree.detached)
    if (!covered.has(node.nodeId)) {
      tops.push(node);
      cover(node);
    }
  return tops;
}

/** How many levels the outline opens with: everything when small, the first levels when large. */
export function initiallyExpanded(total: number, level: number): boolean {
  if (total <= 150) return true;
  return level < 2;
}

/** The siblings of a node in the built tree (the roots, its caller's children, or the detached tops). */
export function siblingsOf<N extends TreeNodeLike>(tree: Tree<N>, node: N, tops: readonly N[]): N[] {
  if (node.parentNodeId && tree.childrenOf.has(node.parentNodeId)) {
    const list = tree.childrenOf.get(node.parentNodeId)!;
    if (list.some((n) => n.nodeId === node.nodeId)) return list;
  }
  if (tree.roots.some((n) => n.nodeId === node.nodeId)) return tree.roots;
  return [...tops];
}
