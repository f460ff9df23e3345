// Pure helpers of the Checklists screens: where an item's link goes, the fields of a new run, the template
// editor's draft (sections and items added, renamed, moved, removed) and the domain's validation errors
// placed next to the field they are about, in the reader's words.
import {
  CHECKLIST_PHASES,
  checklistTemplateKind,
  type ChecklistItem,
  type ChecklistLanguage,
  type ChecklistLink,
  type ChecklistPhase,
  type ChecklistSection,
} from '../../../domain/checklists/checklist-kinds';
import { inLanguage, type ShippedTemplate } from '../../../domain/checklists/shipped-template-types';
import type { JsonObject } from '../../../domain/sync/json-value';
import type { Role } from '../../../domain/users';

/** The screen each named link opens. */
export const LINK_ROUTES: Record<ChecklistLink, string> = {
  calldowns: '/contacts/runs',
  contacts: '/contacts',
  succession: '/contacts/succession',
  incidents: '/incidents',
  new_incident: '/incidents/new',
  transcribe_log: '/incidents',
  permits: '/permits',
  permit_intake: '/permits/new',
  inspections_today: '/permits/inspections/today',
  outage_packet: '/print/packet',
  sync: '/sync/attention',
  device: '/device',
};

export const canEditTemplates = (role: Role | undefined): boolean =>
  !!role && (checklistTemplateKind.writeRoles as readonly string[]).includes(role);

/** Where a run starts from: a shipped template (by key) or a manager's own one. */
export type RunSource =
  | { type: 'shipped'; template: ShippedTemplate }
  | {
      type: 'own';
      id: string;
      title: string;
      language: ChecklistLanguage;
      version: number;
      sections: ChecklistSection[];
      items: ChecklistItem[];
    };

/** The fields of a new checklist_run: the template's outline as it is now, and the version it came from. */
export function runFields(
  source: RunSource,
  opts: {
    title: string;
    language: ChecklistLanguage;
    incidentId?: string;
    exercise: boolean;
    startedAt: string;
    startedBy: string;
  },
): JsonObject {
  const outline =
    source.type === 'shipped'
      ? inLanguage(source.template, opts.language)
      : { sections: source.sections, items: source.items };
  return {
    title: opts.title.trim(),
    language: source.type === 'shipped' ? opts.language : source.language,
    ...(source.type === 'shipped'
      ? { templateKey: source.template.key, templateVersion: source.template.version }
      : { templateId: source.id, templateVersion: source.version }),
    ...(opts.incidentId ? { incidentId: opts.incidentId } : {}),
    exercise: opts.exercise,
    startedAt: opts.startedAt,
    startedBy: opts.startedBy,
    status: 'active',
    sections: outline.sections.map((s) => ({ id: s.id, title: s.title })),
    items: outline.items.map(cleanItem),
  } as unknown as JsonObject;
}

/** An item as stored: no empty link. */
export function cleanItem(item: ChecklistItem): ChecklistItem {
  const { link, ...rest } = item;
  return {
    id: rest.id,
    section: rest.section,
    text: rest.text.trim(),
    role: rest.role.trim(),
    phase: rest.phase,
    critical: rest.critical,
    ...(link ? { link } : {}),
  };
}

// ---- The template editor's draft ----

export interface TemplateDraft {
  title: string;
  description: string;
  language: ChecklistLanguage;
  sections: ChecklistSection[];
  items: ChecklistItem[];
}

/** A short id, unique within the draft ("s3", "i12"). */
export function nextId(prefix: string, taken: readonly { id: string }[]): string {
  let n = taken.length + 1;
  const ids = new Set(taken.map((x) => x.id));
  while (ids.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

const move = <T>(list: readonly T[], from: number, to: number): T[] => {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved!);
  return copy;
};

export function addSection(draft: TemplateDraft, title: string): TemplateDraft {
  return { ...draft, sections: [...draft.sections, { id: nextId('s', draft.sections), title }] };
}

export function renameSection(draft: TemplateDraft, id: string, title: string): TemplateDraft {
  return { ...draft, sections: draft.sections.map((s) => (s.id === id ? { ...s, title } : s)) };
}

/** Removes a section only when no item is under it. */
export function removeSection(draft: TemplateDraft, id: string): TemplateDraft {
  if (draft.items.some((item) => item.section === id)) return draft;
  return { ...draft, sections: draft.sections.filter((s) => s.id !== id) };
}

export function moveSection(draft: TemplateDraft, id: string, by: -1 | 1): TemplateDraft {
  const index = draft.sections.findIndex((s) => s.id === id);
  return { ...draft, sections: move(draft.sections, index, index + by) };
}

export function addItem(draft: TemplateDraft, section: string, phase: ChecklistPhase): TemplateDraft {
  const item: ChecklistItem = {
    id: nextId('i', draft.items),
    section,
    text: '',
    role: '',
    phase,
    critical: false,
  };
  // After the section's last item, so the item list stays grouped by section.
  const last = draft.items.map((i) => i.section).lastIndexOf(section);
  const items = [...draft.items];
  items.splice(last === -1 ? items.length : last + 1, 0, item);
  return { ...draft, items };
}

export function updateItem(draft: TemplateDraft, id: string, change: Partial<ChecklistItem>): TemplateDraft {
  return {
    ...draft,
    items: draft.items.map((item) => {
      if (item.id !== id) return item;
      const next = { ...item, ...change };
      if ('link' in change && !change.link) delete next.link;
      return next;
    }),
  };
}

export function removeItem(draft: TemplateDraft, id: string): TemplateDraft {
  return { ...draft, items: draft.items.filter((item) => item.id !== id) };
}

/** Moves an item up or down among the items of its own section. */
export function moveItem(draft: TemplateDraft, id: string, by: -1 | 1): TemplateDraft {
  const item = draft.items.find((i) => i.id === id);
  if (!item) return draft;
  const siblings = draft.items.filter((i) => i.section === item.section);
  const at = siblings.findIndex((i) => i.id === id);
  const other = siblings[at + by];
  if (!other) return draft;
  const from = draft.items.indexOf(item);
  const to = draft.items.indexOf(other);
  const items = [...draft.items];
  items[from] = other;
  items[to] = item;
  return { ...draft, items };
}

/** The stored fields of a draft (items in section order, trimmed). */
export function draftFields(draft: TemplateDraft): JsonObject {
  const items = draft.sections.flatMap((s) => draft.items.filter((i) => i.section === s.id)).map(cleanItem);
  // Items under no section stay in (the domain refuses them, and the editor says so).
  const orphans = draft.items.filter((i) => !draft.sections.some((s) => s.id === i.section)).map(cleanItem);
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    language: draft.language,
    sections: draft.sections.map((s) => ({ id: s.id, title: s.title.trim() })),
    items: [...items, ...orphans],
  } as unknown as JsonObject;
}

/** The draft of a record's fields, or a copy of a shipped template in a language. */
export function draftOf(fields: JsonObject): TemplateDraft {
  const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
  return {
    title: String(fields.title ?? ''),
    description: String(fields.description ?? ''),
    language: fields.language === 'es' ? 'es' : 'en',
    sections: list<ChecklistSection>(fields.sections).map((s) => ({ ...s })),
    items: list<ChecklistItem>(fields.items).map((i) => ({ ...i })),
  };
}

export function draftFromShipped(template: ShippedTemplate, language: ChecklistLanguage): TemplateDraft {
  const copy = inLanguage(template, language);
  return {
    title: copy.title,
    description: copy.description,
    language,
    sections: copy.sections,
    items: copy.items,
  };
}

/** Where an editor error shows and what it says (a key of the area's catalog, with its values). */
export type DraftErrorPlace =
  | { at: 'title' }
  | { at: 'description' }
  | { at: 'form' }
  | { at: 'section'; id: string }
  | { at: 'item'; id: string; part: 'text' | 'role' | 'section' | 'phase' | 'link' };

export interface DraftError {
  place: DraftErrorPlace;
  key: DraftErrorKey;
  params?: Record<string, string | number>;
}

export type DraftErrorKey =
  | 'checklists.edit.error.titleRequired'
  | 'checklists.edit.error.tooLong'
  | 'checklists.edit.error.sectionTitle'
  | 'checklists.edit.error.noItems'
  | 'checklists.edit.error.itemText'
  | 'checklists.edit.error.itemRole'
  | 'checklists.edit.error.itemSection'
  | 'checklists.edit.error.itemPhase'
  | 'checklists.edit.error.itemLink'
  | 'checklists.edit.error.tooMany'
  | 'checklists.edit.error.other';

/**
 * The domain's verdict on a draft (checklistTemplateKind.validate), each error placed next to its field:
 * an error on an item row is pinned to the part of that row that is wrong.
 */
export function draftErrors(draft: TemplateDraft, version: number): DraftError[] {
  const fields: JsonObject = { ...draftFields(draft), version, archived: false };
  const found = checklistTemplateKind.validate(fields, { op: 'create' });
  const items = (fields.items as unknown as ChecklistItem[]) ?? [];
  const sections = (fields.sections as unknown as ChecklistSection[]) ?? [];
  const errors: DraftError[] = [];
  const seen = new Set<string>();
  const push = (error: DraftError) => {
    const key = JSON.stringify(error);
    if (seen.has(key)) return;
    seen.add(key);
    errors.push(error);
  };
  for (const error of found) {
    const row = typeof error.params?.row === 'number' ? error.params.row : null;
    if (error.field === 'title')
      push({
        place: { at: 'title' },
        key:
          error.code === 'required' ? 'checklists.edit.error.titleRequired' : 'checklists.edit.error.tooLong',
      });
    else if (error.field === 'description')
      push({ place: { at: 'description' }, key: 'checklists.edit.error.tooLong' });
    else if (error.field === 'sections' && row !== null && sections[row - 1])
      push({
        place: { at: 'section', id: sections[row - 1]!.id },
        key: 'checklists.edit.error.sectionTitle',
      });
    else if (error.field === 'items' && error.code === 'required' && row === null)
      push({ place: { at: 'form' }, key: 'checklists.edit.error.noItems' });
    else if (error.field === 'items' && row !== null && items[row - 1]) {
      const item = items[row - 1]!;
      const at = (part: 'text' | 'role' | 'section' | 'phase' | 'link', key: DraftErrorKey) =>
        push({ place: { at: 'item', id: item.id, part }, key });
      if (!item.text?.trim()) at('text', 'checklists.edit.error.itemText');
      if (!item.role?.trim()) at('role', 'checklists.edit.error.itemRole');
      if (!sections.some((s) => s.id === item.section)) at('section', 'checklists.edit.error.itemSection');
      if (!(CHECKLIST_PHASES as readonly string[]).includes(item.phase))
        at('phase', 'checklists.edit.error.itemPhase');
      if (error.message.includes('links to')) at('link', 'checklists.edit.error.itemLink');
    } else if (error.code === 'too_large' || error.code === 'too_long')
      push({
        place: { at: 'form' },
        key: error.code === 'too_large' ? 'checklists.edit.error.tooMany' : 'checklists.edit.error.tooLong',
      });
    else
      push({ place: { at: 'form' }, key: 'checklists.edit.error.other', params: { reason: error.message } });
  }
  return errors;
}
