// The tree print's choice: a one-page diagram for a small tree (DIAGRAM_LIMITS), the outline otherwise;
// the diagram's boxes nest under their caller in tree order with the primary phone and backup caller.
import { describe, expect, it } from 'vitest';
import type { TreeSnapshot } from '../../../../storage/run-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { DIAGRAM_LIMITS, treeDiagram, type DiagramPerson } from './print-model';

const view = (id: string, kind: string, fields: Record<string, unknown>): RecordView =>
  ({ id, kind, dept: 'public-works', deleted: false, pending: false, fields }) as unknown as RecordView;

/** A snapshot from [contactId, depth, parent index] rows in tree order; contact k is "Person k". */
function snapshot(rows: [depth: number, parent?: number, backup?: number][]): TreeSnapshot {
  const contacts = new Map<string, RecordView>();
  const people: TreeSnapshot['people'] = rows.map(([depth, parent, backup], k) => {
    const contact = view(`c${k}`, 'contact', {
      name: `Person ${k}`,
      position: k === 0 ? 'Duty officer' : '',
      phones: [
        { label: 'mobile', number: `+1802555${1100 + k}` },
        { label: 'work', number: `+1802555${1000 + k}`, primary: true },
      ],
    });
    contacts.set(contact.id, contact);
    return {
      depth,
      contact,
      node: {
        nodeId: `n${k}`,
        contactId: contact.id,
        order: k,
        ...(parent === undefined ? {} : { parentNodeId: `n${parent}` }),
        ...(backup === undefined ? {} : { backupContactId: `c${backup}` }),
      },
    };
  });
  return { tree: view('t', 'calldown_tree', { name: 'T' }), people, contacts };
}

const shape = (list: DiagramPerson[]): unknown[] =>
  list.map((p) => (p.children.length ? { [p.name]: shape(p.children) } : p.name));

/** 1 at the top calls 2 people who each call `leaves` people: 3 levels. */
const threeLevels = (leaves: number) =>
  snapshot([
    [0],
    [1, 0],
    ...Array.from({ length: leaves }, () => [2, 1] as [number, number]),
    [1, 0],
    ...Array.from({ length: leaves }, () => [2, 1 + leaves + 1] as [number, number]),
  ]);

/** Separate branches at the top, each a chain of the given length (one box wide each). */
const chains = (lengths: number[]) => {
  const rows: [number, number?][] = [];
  for (const length of lengths) {
    for (let d = 0; d < length; d++) rows.push(d === 0 ? [0] : [d, rows.length - 1]);
  }
  return snapshot(rows);
};

describe('tree print: diagram or outline', () => {
  it('draws a 7-person, 3-level tree as nested boxes with the primary phone and backup', () => {
    const roots = treeDiagram(snapshot([[0], [1, 0], [2, 1, 0], [2, 1], [1, 0], [2, 4], [2, 4]]));
    expect(roots && shape(roots)).toEqual([
      {
        'Person 0': [{ 'Person 1': ['Person 2', 'Person 3'] }, { 'Person 4': ['Person 5', 'Person 6'] }],
      },
    ]);
    const top = roots![0]!;
    expect(top.position).toBe('Duty officer');
    expect(top.phone).toEqual({ label: 'work', number: '+18025551000', primary: true });
    expect(top.children[0]!.children[0]!.backupName).toBe('Person 0');
    expect(top.children[0]!.children[1]!.backupName).toBe('');
  });

  it('keeps several people at the top (and detached branches) side by side', () => {
    const roots = treeDiagram(snapshot([[0], [1, 0], [0], [0, 9]]));
    expect(roots && shape(roots)).toEqual([{ 'Person 0': ['Person 1'] }, 'Person 2', 'Person 3']);
  });

  it('draws up to the limits: 4 levels, 8 side by side, 30 people', () => {
    expect(treeDiagram(snapshot([[0], [1, 0], [2, 1], [3, 2]]))).not.toBeNull();
    expect(treeDiagram(threeLevels(4))).not.toBeNull(); // 8 across the bottom
    expect(treeDiagram(chains([4, 4, 4, 4, 4, 4, 4, 2]))).not.toBeNull(); // 30 people, 8 across
  });

  it('prints the outline when the tree is too deep, too wide, too many or empty', () => {
    expect(treeDiagram(snapshot([[0], [1, 0], [2, 1], [3, 2], [4, 3]]))).toBeNull(); // 5 levels
    expect(treeDiagram(threeLevels(5))).toBeNull(); // 10 across the bottom
    const many = snapshot([
      [0],
      ...Array.from({ length: DIAGRAM_LIMITS.people }, () => [1, 0] as [number, number]),
    ]);
    expect(treeDiagram(many)).toBeNull(); // 31 people
    expect(treeDiagram(chains([4, 4, 4, 4, 4, 4, 4, 3]))).toBeNull(); // 31 people, 8 across
    expect(treeDiagram(snapshot([]))).toBeNull();
  });
});
