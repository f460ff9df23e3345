// The rules of a call-down, as pure functions the screens, the print views and the bench share: the tree
// from its nodes, each person's state from the attempts recorded on any device, escalation, progress per
// branch, who holds a key position, and which contacts are stale.
import type { AttemptOutcome } from './contact-kinds';

export interface TreeNodeLike {
  nodeId: string;
  parentNodeId?: string | null;
  order?: number;
}

export interface Tree<N extends TreeNodeLike> {
  /** Nodes at the top (the activation authority), in order. */
  roots: N[];
  /** Each node's children, in order. */
  childrenOf: Map<string, N[]>;
  /**
   * Nodes that hang from no root: their caller was removed, or two moves made on two devices formed a
   * loop. Listed so someone places them; a run calls them as a branch of their own.
   */
  detached: N[];
}

const byOrder = (a: TreeNodeLike, b: TreeNodeLike) =>
  (a.order ?? 0) - (b.order ?? 0) || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0);

export function buildTree<N extends TreeNodeLike>(nodes: readonly N[]): Tree<N> {
  const ids = new Set(nodes.map((node) => node.nodeId));
  const childrenOf = new Map<string, N[]>();
  const roots: N[] = [];
  for (const node of nodes) {
    const parent = node.parentNodeId;
    if (!parent) roots.push(node);
    else if (ids.has(parent)) {
      const list = childrenOf.get(parent);
      if (list) list.push(node);
      else childrenOf.set(parent, [node]);
    }
  }
  roots.sort(byOrder);
  for (const list of childrenOf.values()) list.sort(byOrder);
  const reached = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (reached.has(node.nodeId)) continue;
    reached.add(node.nodeId);
    stack.push(...(childrenOf.get(node.nodeId) ?? []));
  }
  const detached = nodes.filter((node) => !reached.has(node.nodeId)).sort(byOrder);
  return { roots, childrenOf, detached };
}

/** A node and everyone under it, depth first in order. */
export function branchOf<N extends TreeNodeLike>(tree: Tree<N>, node: N): N[] {
  const out: N[] = [];
  const seen = new Set<string>();
  const walk = (at: N) => {
    if (seen.has(at.nodeId)) return;
    seen.add(at.nodeId);
    out.push(at);
    for (const child of tree.childrenOf.get(at.nodeId) ?? []) walk(child);
  };
  walk(node);
  return out;
}

/** Whether `nodeId` may be moved under `newParentId` (never under itself or its own branch). */
export function canMoveUnder<N extends TreeNodeLike>(
  tree: Tree<N>,
  node: N,
  newParentId: string | null,
): boolean {
  if (newParentId === null) return true;
  return !branchOf(tree, node).some((inBranch) => inBranch.nodeId === newParentId);
}

export interface EscalationRule {
  attempts: number;
  minutes: number;
  to: 'backup' | 'parent';
}

export interface AttemptLike {
  nodeId: string;
  outcome: AttemptOutcome;
  at: string;
}

export interface ReportLike {
  nodeId: string;
  report: 'branch_closed' | 'escalated';
  at: string;
  toContactId?: string;
}

/**
 * reached: confirmed, or the message was relayed; unavailable: reached but cannot act; unreachable: a bad
 * number, or passed on (escalated) after too many tries; pending: still to be reached.
 */
export type PersonState = 'reached' | 'unavailable' | 'pending' | 'unreachable';

export interface PersonProgress {
  nodeId: string;
  state: PersonState;
  attempts: number;
  lastOutcome?: AttemptOutcome;
  lastAt?: string;
  /** Not reached after the rule's attempts or minutes, and not passed on yet. */
  needsEscalation: boolean;
  escalatedTo?: string;
  /** A number recorded as wrong: to follow up after the run. */
  badNumber: boolean;
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

/** One person's state from their attempts and reports (any order; they are sorted by time). */
export function personProgress(
  nodeId: string,
  attempts: readonly AttemptLike[],
  reports: readonly ReportLike[],
  rule: EscalationRule,
  startedAt: string,
  now: string,
): PersonProgress {
  const sorted = [...attempts].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const last = sorted.at(-1);
  const outcomes = new Set(sorted.map((attempt) => attempt.outcome));
  const escalation = reports.find((report) => report.report === 'escalated');
  const badNumber = outcomes.has('bad_number');
  let state: PersonState = 'pending';
  if (outcomes.has('reached_confirmed') || outcomes.has('relayed')) state = 'reached';
  else if (outcomes.has('reached_unavailable')) state = 'unavailable';
  else if (escalation || (badNumber && last?.outcome === 'bad_number')) state = 'unreachable';
  const tries = sorted.length;
  const since = sorted[0]?.at ?? startedAt;
  const needsEscalation =
    state === 'pending' &&
    !escalation &&
    (tries >= rule.attempts || (tries > 0 && minutesBetween(since, now) >= rule.minutes));
  return {
    nodeId,
    state,
    attempts: tries,
    ...(last ? { lastOutcome: last.outcome, lastAt: last.at } : {}),
    needsEscalation,
    ...(escalation?.toContactId ? { escalatedTo: escalation.toContactId } : {}),
    badNumber,
  };
}

export type StateCounts = Record<PersonState, number>;

const emptyCounts = (): StateCounts => ({ reached: 0, unavailable: 0, pending: 0, unreachable: 0 });

export interface BranchProgress {
  /** The branch's top node (a first-tier coordinator, or a detached node). */
  nodeId: string;
  total: number;
  counts: StateCounts;
  /** Its caller reported it closed, or everyone in it is settled (nobody pending). */
  closed: boolean;
}

export interface RunProgress {
  total: number;
  counts: StateCounts;
  branches: BranchProgress[];
  people: Map<string, PersonProgress>;
  /** Node ids of people who need escalating, in tree order. */
  needsEscalation: string[];
  /** Node ids with a bad number recorded, in tree order. */
  badNumbers: string[];
}

/**
 * The progress of a run from its plan and every attempt and report recorded so far. Linear in people +
 * attempts: it runs again after each recorded attempt.
 */
export function runProgress<N extends TreeNodeLike>(
  plan: readonly N[],
  attempts: readonly AttemptLike[],
  reports: readonly ReportLike[],
  rule: EscalationRule,
  startedAt: string,
  now: string,
): RunProgress {
  const attemptsOf = groupBy(attempts);
  const reportsOf = groupBy(reports);
  const tree = buildTree(plan);
  const ordered: N[] = [];
  const branchTops: N[] = [];
  for (const root of tree.roots) {
    ordered.push(root);
    const children = tree.childrenOf.get(root.nodeId) ?? [];
    branchTops.push(...children);
    for (const child of children) ordered.push(...branchOf(tree, child));
  }
  for (const node of tree.detached) {
    if (ordered.some((known) => known.nodeId === node.nodeId)) continue;
    branchTops.push(node);
    ordered.push(...branchOf(tree, node).filter((n) => !ordered.includes(n)));
  }
  const people = new Map<string, PersonProgress>();
  const counts = emptyCounts();
  for (const node of ordered) {
    const progress = personProgress(
      node.nodeId,
      attemptsOf.get(node.nodeId) ?? [],
      reportsOf.get(node.nodeId) ?? [],
      rule,
      startedAt,
      now,
    );
    people.set(node.nodeId, progress);
    counts[progress.state] += 1;
  }
  const branches = branchTops.map((top): BranchProgress => {
    const members = branchOf(tree, top);
    const branchCounts = emptyCounts();
    for (const member of members) branchCounts[people.get(member.nodeId)!.state] += 1;
    const reported = (reportsOf.get(top.nodeId) ?? []).some((report) => report.report === 'branch_closed');
    return {
      nodeId: top.nodeId,
      total: members.length,
      counts: branchCounts,
      closed: reported || branchCounts.pending === 0,
    };
  });
  const inOrder = (test: (p: PersonProgress) => boolean) =>
    ordered
      .map((node) => people.get(node.nodeId)!)
      .filter(test)
      .map((p) => p.nodeId);
  return {
    total: ordered.length,
    counts,
    branches,
    people,
    needsEscalation: inOrder((p) => p.needsEscalation),
    badNumbers: inOrder((p) => p.badNumber),
  };
}

function groupBy<T extends { nodeId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.nodeId);
    if (list) list.push(item);
    else map.set(item.nodeId, [item]);
  }
  return map;
}

/**
 * Who holds a key position now: the first person in the order of succession who has not been recorded as
 * unreachable, unavailable or needing escalation in the run (nobody called yet counts as available).
 * `skipped` lists those passed over, in order; null when nobody in line is available.
 */
export function whoIsInCharge(
  line: readonly string[],
  stateOfContact: (contactId: string) => PersonProgress | undefined,
): { contactId: string; index: number; skipped: string[] } | null {
  const skipped: string[] = [];
  for (const [index, contactId] of line.entries()) {
    const progress = stateOfContact(contactId);
    const out =
      progress !== undefined &&
      (progress.state === 'unreachable' || progress.state === 'unavailable' || progress.needsEscalation);
    if (!out) return { contactId, index, skipped };
    skipped.push(contactId);
  }
  return null;
}

/** Whether a contact's details are due for checking: never verified, or verified `days` or more ago. */
export function isStale(lastVerified: unknown, today: string, days: number): boolean {
  if (typeof lastVerified !== 'string' || lastVerified === '') return true;
  return (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastVerified}T00:00:00Z`)) / 86_400_000 >= days;
}
