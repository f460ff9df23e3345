// The record kinds of the Checklists area (issue 7): checklist templates a manager writes, checklist runs
// (a template's items as they were when the run started) and the append-only marks people put on a run's
// items. The shipped templates live in code (shipped-templates.ts), in English and Spanish; the rules a run
// follows (each item's state, progress per phase) are pure functions in checklist-rules.ts.
import {
  checkBoolean,
  checkDateTime,
  checkNumber,
  checkObjectList,
  checkOneOf,
  checkRecordRef,
  checkText,
  problems,
} from '../sync/field-checks';
import type { JsonObject } from '../sync/json-value';
import type { FieldError } from '../sync/record-kinds';
import { defineKind } from '../sync/record-kinds';
import { facetTerm, normalizeSearchText } from '../sync/search-text';

/** The phases of a continuity plan (DOMAIN.md, COOP), in the order they happen. */
export const CHECKLIST_PHASES = ['readiness', 'activation', 'continuity', 'reconstitution'] as const;
export type ChecklistPhase = (typeof CHECKLIST_PHASES)[number];

/**
 * The screens an item may link to ("start the call-down" opens the call-downs). Named, not paths: the
 * screens map each to a route, so a template stays valid when a route moves.
 */
export const CHECKLIST_LINKS = [
  'calldowns',
  'contacts',
  'succession',
  'incidents',
  'new_incident',
  'transcribe_log',
  'permits',
  'permit_intake',
  'inspections_today',
  'outage_packet',
  'sync',
  'device',
] as const;
export type ChecklistLink = (typeof CHECKLIST_LINKS)[number];

export const CHECKLIST_LANGUAGES = ['en', 'es'] as const;
export type ChecklistLanguage = (typeof CHECKLIST_LANGUAGES)[number];

export interface ChecklistSection {
  id: string;
  title: string;
}

/** One line of a checklist: what to do, who does it, in which phase, and whether it is critical. */
export interface ChecklistItem {
  id: string;
  /** The id of the section it is listed under. */
  section: string;
  text: string;
  /** The role responsible ("Department head", "IT lead"): a role, not a person, so the plan outlives staff. */
  role: string;
  phase: ChecklistPhase;
  critical: boolean;
  link?: ChecklistLink;
}

export const MAX_SECTIONS = 30;
export const MAX_ITEMS = 300;
const SECTION_KEYS = ['id', 'title'] as const;
const ITEM_KEYS = ['id', 'section', 'text', 'role', 'phase', 'link'] as const;

/** A section list and an item list that fit together: ids unique, each item in a listed section. */
function checkOutline(fields: JsonObject): FieldError[] {
  const shape = problems(
    checkObjectList(fields, 'sections', 'Sections', {
      maxItems: MAX_SECTIONS,
      keys: SECTION_KEYS,
      maxLength: 200,
    }),
    checkObjectList(fields, 'items', 'Items', {
      maxItems: MAX_ITEMS,
      keys: ITEM_KEYS,
      maxLength: 500,
      booleanKeys: ['critical'],
    }),
  );
  if (shape.length > 0) return shape;
  const sections = (Array.isArray(fields.sections)
    ? fields.sections
    : []) as unknown as Partial<ChecklistSection>[];
  const items = (Array.isArray(fields.items) ? fields.items : []) as unknown as Partial<ChecklistItem>[];
  const errors: FieldError[] = [];
  const sectionIds = new Set<string>();
  sections.forEach((section, index) => {
    if (!section.id || !section.title?.trim())
      errors.push({
        field: 'sections',
        code: 'required',
        message: `Section ${index + 1} needs a title.`,
        params: { row: index + 1 },
      });
    else if (sectionIds.has(section.id))
      errors.push({
        field: 'sections',
        code: 'not_allowed_value',
        message: `Section ${index + 1} is listed twice.`,
      });
    if (section.id) sectionIds.add(section.id);
  });
  if (items.length === 0)
    errors.push({ field: 'items', code: 'required', message: 'A checklist needs at least one item.' });
  const itemIds = new Set<string>();
  items.forEach((item, index) => {
    const row = index + 1;
    const problem = (code: FieldError['code'], message: string) =>
      errors.push({ field: 'items', code, message, params: { row } });
    if (!item.id) problem('required', `Item ${row} has no id.`);
    else if (itemIds.has(item.id)) problem('not_allowed_value', `Item ${row} is listed twice.`);
    if (item.id) itemIds.add(item.id);
    if (!item.text?.trim()) problem('required', `Item ${row} needs a task.`);
    if (!item.role?.trim()) problem('required', `Item ${row} needs the role responsible.`);
    if (!item.section || !sectionIds.has(item.section))
      problem('not_allowed_value', `Item ${row} is not under one of the sections.`);
    if (!(CHECKLIST_PHASES as readonly unknown[]).includes(item.phase))
      problem('not_allowed_value', `Item ${row} needs a phase: ${CHECKLIST_PHASES.join(', ')}.`);
    if (
      item.link !== undefined &&
      (item.link as string) !== '' &&
      !(CHECKLIST_LINKS as readonly unknown[]).includes(item.link)
    )
      problem('not_allowed_value', `Item ${row} links to a screen that does not exist.`);
  });
  return errors;
}

const titleTerms = (fields: JsonObject): string[] => {
  const terms = new Set<string>();
  for (const word of normalizeSearchText(String(fields.title ?? '')).split(' '))
    if (word.length > 1) terms.add(word);
  return [...terms];
};

/**
 * A checklist a manager wrote (or copied from a shipped one, `basedOn` naming it). `version` goes up by one
 * with every saved change; a run copies the items and the version, so editing a template never changes a
 * run that already started.
 */
export const checklistTemplateKind = defineKind({
  name: 'checklist_template',
  label: 'checklist template',
  mode: 'editable',
  writeRoles: ['admin', 'manager'],
  fields: ['title', 'description', 'language', 'basedOn', 'version', 'sections', 'items', 'archived'],
  editableFields: ['title', 'description', 'language', 'version', 'sections', 'items', 'archived'],
  defaults: { version: 1, archived: false },
  validate: (fields) =>
    problems(
      checkText(fields, 'title', 'Title', { required: true, max: 200 }),
      checkText(fields, 'description', 'Description', { max: 2_000 }),
      checkOneOf(fields, 'language', 'Language', CHECKLIST_LANGUAGES, { required: true }),
      checkText(fields, 'basedOn', 'Based on', { max: 80 }),
      checkNumber(fields, 'version', 'Version', { required: true, min: 1, max: 1_000_000, integer: true }),
      checkBoolean(fields, 'archived', 'Archived'),
    ).concat(checkOutline(fields)),
  searchTerms: (fields) => [facetTerm('checklist', 'template'), ...titleTerms(fields)],
});

export const RUN_STATUSES = ['active', 'closed'] as const;

/**
 * A checklist being worked: the template's sections and items as they were when it started
 * (`templateVersion`), linked to an incident when there is one. `exercise` is set at the start (from the
 * incident, or chosen) and never changes.
 */
export const checklistRunKind = defineKind({
  name: 'checklist_run',
  label: 'checklist',
  mode: 'editable',
  deletable: false,
  fields: [
    'title',
    'language',
    'templateId',
    'templateKey',
    'templateVersion',
    'incidentId',
    'exercise',
    'startedAt',
    'startedBy',
    'status',
    'closedAt',
    'sections',
    'items',
  ],
  editableFields: ['status', 'closedAt'],
  defaults: { status: 'active', exercise: false },
  validate: (fields) => {
    const errors = problems(
      checkText(fields, 'title', 'Title', { required: true, max: 200 }),
      checkOneOf(fields, 'language', 'Language', CHECKLIST_LANGUAGES, { required: true }),
      checkRecordRef(fields, 'templateId', 'The template'),
      checkText(fields, 'templateKey', 'Shipped template', { max: 80 }),
      checkNumber(fields, 'templateVersion', 'Template version', {
        required: true,
        min: 1,
        max: 1_000_000,
        integer: true,
      }),
      checkRecordRef(fields, 'incidentId', 'The incident'),
      checkBoolean(fields, 'exercise', 'Exercise'),
      checkDateTime(fields, 'startedAt', 'Start time', { required: true }),
      checkText(fields, 'startedBy', 'Started by', { required: true, max: 200 }),
      checkOneOf(fields, 'status', 'Status', RUN_STATUSES, { required: true }),
      checkDateTime(fields, 'closedAt', 'Closing time'),
    ).concat(checkOutline(fields));
    const fromTemplate = typeof fields.templateId === 'string' && fields.templateId !== '';
    const fromShipped = typeof fields.templateKey === 'string' && fields.templateKey !== '';
    if (errors.length === 0 && fromTemplate === fromShipped)
      errors.push({
        field: 'templateId',
        code: 'required',
        message: 'A checklist starts from one template: a shipped one or one of yours.',
      });
    return errors;
  },
  searchTerms: (fields) => {
    const terms = [facetTerm('checklist', 'run'), ...titleTerms(fields)];
    if (typeof fields.incidentId === 'string') terms.push(facetTerm('incident', fields.incidentId));
    if (typeof fields.status === 'string') terms.push(facetTerm('status', fields.status));
    return terms;
  },
});

/** What a mark on an item says. The newest mark of an item is its state; "note" adds without changing it. */
export const MARK_ACTIONS = ['done', 'undone', 'not_applicable', 'note'] as const;
export type MarkAction = (typeof MARK_ACTIONS)[number];

/**
 * One person's mark on one item of a run: done, undone (a mistake taken back), not applicable (with a
 * reason) or a note. Append-only, so marks from every device add up and never conflict; the item's state
 * is the newest mark by time, then id (checklist-rules.ts).
 */
export const checklistMarkKind = defineKind({
  name: 'checklist_mark',
  label: 'checklist entry',
  mode: 'append-only',
  fields: ['runId', 'itemId', 'action', 'at', 'byName', 'note'],
  validate: (fields) => {
    const errors = problems(
      checkRecordRef(fields, 'runId', 'The checklist', { required: true }),
      checkText(fields, 'itemId', 'The item', { required: true, max: 64 }),
      checkOneOf(fields, 'action', 'Action', MARK_ACTIONS, { required: true }),
      checkDateTime(fields, 'at', 'Time', { required: true }),
      checkText(fields, 'byName', 'Who', { required: true, max: 200 }),
      checkText(fields, 'note', 'Note', { max: 2_000 }),
    );
    const note = typeof fields.note === 'string' ? fields.note.trim() : '';
    if (errors.length === 0 && fields.action === 'not_applicable' && !note)
      errors.push({ field: 'note', code: 'required', message: 'Say why this item does not apply.' });
    if (errors.length === 0 && fields.action === 'note' && !note)
      errors.push({ field: 'note', code: 'required', message: 'Write the note.' });
    return errors;
  },
  // Checked against its checklist where it is written and again on the server: the checklist exists, is
  // not deleted, and the mark is filed in its department. A mark changes nothing on the checklist itself.
  parent: { field: 'runId', kind: 'checklist_run', apply: () => ({ fields: {} }) },
  searchTerms: (fields) => (typeof fields.runId === 'string' ? [facetTerm('run', fields.runId)] : []),
});

export const CHECKLIST_KINDS = [checklistTemplateKind, checklistRunKind, checklistMarkKind];
