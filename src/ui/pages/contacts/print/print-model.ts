// What the Contacts print views list, from a tree as it is now (readTreeSnapshot): a call sheet per
// caller (the initiator's lists the people at the top, so every person on the tree is on a sheet), and
// the ICS 205A rows (each contact once, alphabetical by name, every method of contact), with whether the
// list holds personal numbers and must carry the sensitivity marking.
import type { PhoneRow, TreeNodeRow, TreeSnapshot } from '../../../../storage/run-queries';
import { phonesOf } from '../../../../storage/run-queries';
import type { RecordView } from '../../../../storage/sync-queries';

export interface SheetPerson {
  node: TreeNodeRow;
  name: string;
  phones: PhoneRow[];
  backupName: string;
}

export interface CallSheet {
  /** The caller; null for the initiator's sheet (the people at the top). */
  caller: { node: TreeNodeRow; name: string; phone: string } | null;
  people: SheetPerson[];
}

const nameOf = (contact: RecordView | null | undefined) => String(contact?.fields.name ?? '');

/** Phones with the primary first. */
export const sortedPhones = (contact: RecordView | null | undefined): PhoneRow[] =>
  [...phonesOf(contact)].sort((a, b) => Number(b.primary === true) - Number(a.primary === true));

export function callSheets(snapshot: TreeSnapshot): CallSheet[] {
  const person = (node: TreeNodeRow): SheetPerson => {
    const contact = snapshot.contacts.get(node.contactId);
    return {
      node,
      name: nameOf(contact),
      phones: sortedPhones(contact),
      backupName: node.backupContactId ? nameOf(snapshot.contacts.get(node.backupContactId)) : '',
    };
  };
  const top = snapshot.people.filter((p) => p.depth === 0).map((p) => person(p.node));
  const sheets: CallSheet[] = top.length > 0 ? [{ caller: null, people: top }] : [];
  const byParent = new Map<string, SheetPerson[]>();
  for (const p of snapshot.people) {
    if (p.depth === 0 || !p.node.parentNodeId) continue;
    const list = byParent.get(p.node.parentNodeId) ?? [];
    list.push(person(p.node));
    byParent.set(p.node.parentNodeId, list);
  }
  for (const p of snapshot.people) {
    const people = byParent.get(p.node.nodeId);
    if (!people) continue;
    const phones = sortedPhones(p.contact);
    sheets.push({
      caller: { node: p.node, name: nameOf(p.contact), phone: phones[0]?.number ?? '' },
      people,
    });
  }
  return sheets;
}

export interface CommsRow {
  contactId: string;
  position: string;
  name: string;
  phones: PhoneRow[];
  radio: string;
  email: string;
}

/** Labels of personal numbers: a list holding one is marked sensitive. */
export const PERSONAL_LABELS = new Set(['mobile', 'home']);

export function commsList(snapshot: TreeSnapshot): { rows: CommsRow[]; sensitive: boolean } {
  const seen = new Set<string>();
  const rows: CommsRow[] = [];
  for (const { node, contact } of snapshot.people) {
    if (seen.has(node.contactId)) continue;
    seen.add(node.contactId);
    const f = contact?.fields ?? {};
    rows.push({
      contactId: node.contactId,
      position: String(f.position ?? f.title ?? ''),
      name: nameOf(contact),
      phones: sortedPhones(contact),
      radio: String(f.radio ?? ''),
      email: String(f.email ?? ''),
    });
  }
  rows.sort((a, b) => a.name.localeCompare(b.name) || a.contactId.localeCompare(b.contactId));
  const sensitive = rows.some((row) => row.phones.some((phone) => PERSONAL_LABELS.has(phone.label)));
  return { rows, sensitive };
}

/**
 * When the tree prints as a one-page org-chart diagram rather than the indented outline. The diagram is
 * printed landscape with boxes about 30 mm wide side by side, so it fits one Letter or A4 page when the
 * tree has at most 30 people, at most 4 levels (top to bottom) and at most 8 boxes side by side (the
 * people with nobody under them). A larger tree, or an empty one, keeps the outline.
 */
export const DIAGRAM_LIMITS = { people: 30, levels: 4, across: 8 } as const;

export interface DiagramPerson {
  nodeId: string;
  name: string;
  position: string;
  /** The primary phone (E.164), or undefined when the person has none. */
  phone: PhoneRow | undefined;
  backupName: string;
  /** The people this person calls, in the tree's order. */
  children: DiagramPerson[];
}

/**
 * The tree as nested boxes for the diagram, or null when it is too large for one page (DIAGRAM_LIMITS)
 * or empty: print the outline then. Built from the snapshot's people in tree order (each person follows
 * their caller, depth one more), so a detached person starts a branch at the top as in the outline.
 */
export function treeDiagram(snapshot: TreeSnapshot): DiagramPerson[] | null {
  const { people, contacts } = snapshot;
  if (people.length === 0 || people.length > DIAGRAM_LIMITS.people) return null;
  const roots: DiagramPerson[] = [];
  const path: DiagramPerson[] = [];
  for (const { node, depth, contact } of people) {
    if (depth >= DIAGRAM_LIMITS.levels) return null;
    const person: DiagramPerson = {
      nodeId: node.nodeId,
      name: nameOf(contact),
      position: String(contact?.fields.position ?? ''),
      phone: sortedPhones(contact)[0],
      backupName: node.backupContactId ? nameOf(contacts.get(node.backupContactId)) : '',
      children: [],
    };
    path.length = Math.min(depth, path.length);
    const caller = path[path.length - 1];
    (caller ? caller.children : roots).push(person);
    path.push(person);
  }
  const across = (list: DiagramPerson[]): number =>
    list.reduce((sum, p) => sum + (p.children.length === 0 ? 1 : across(p.children)), 0);
  return across(roots) > DIAGRAM_LIMITS.across ? null : roots;
}
