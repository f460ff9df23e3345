// The record kinds of the Contacts area (issue 6): contacts, call-down trees and their nodes, orders of
// succession, call-down runs and their append-only attempts and reports. The rules a run follows
// (progress, escalation, who is in charge) are pure functions in calldown.ts.
import {
  checkBoolean,
  checkDate,
  checkDateTime,
  checkNumber,
  checkObjectList,
  checkOneOf,
  checkRecordRef,
  checkText,
  checkTextList,
  problems,
} from '../sync/field-checks';
import type { JsonObject } from '../sync/json-value';
import { isRecordId } from '../sync/record-id';
import type { FieldError } from '../sync/record-kinds';
import { defineKind } from '../sync/record-kinds';
import { facetTerm, normalizeSearchText } from '../sync/search-text';

export const PHONE_LABELS = ['mobile', 'work', 'home', 'other'] as const;
export const CONTACT_METHODS = ['call', 'text', 'email', 'radio'] as const;
export const MAX_PHONES = 5;

/**
 * Phone numbers are stored in one format, E.164 ("+18025550134"): the screens parse what people type
 * (libphonenumber-js, in the Contacts chunk) and show it formatted; the domain only checks the shape, so
 * the device's storage code and the server stay small.
 */
const E164 = /^\+[1-9]\d{6,14}$/;
export const isE164 = (value: unknown): value is string => typeof value === 'string' && E164.test(value);

export interface Phone {
  label: (typeof PHONE_LABELS)[number];
  number: string;
  primary?: boolean;
}

/** The phones of a contact: up to five, each labelled and in E.164, exactly one primary when any. */
export function checkPhones(fields: JsonObject): FieldError | null {
  const value = fields.phones;
  if (value === undefined || value === null) return null;
  const rows = Array.isArray(value) ? value : null;
  if (
    !rows ||
    rows.some(
      (row) =>
        typeof row !== 'object' ||
        row === null ||
        Array.isArray(row) ||
        Object.keys(row).some((key) => !['label', 'number', 'primary'].includes(key)),
    )
  )
    return { field: 'phones', code: 'wrong_type', message: 'Phones is not a list of phone numbers.' };
  if (rows.length > MAX_PHONES)
    return {
      field: 'phones',
      code: 'too_large',
      message: `A contact may have at most ${MAX_PHONES} phone numbers.`,
      params: { max: MAX_PHONES },
    };
  for (const [i, row] of (rows as JsonObject[]).entries()) {
    if (!(PHONE_LABELS as readonly string[]).includes(String(row.label)))
      return {
        field: 'phones',
        code: 'not_allowed_value',
        message: `Phone ${i + 1} needs a label: ${PHONE_LABELS.join(', ')}.`,
        params: { index: i + 1 },
      };
    if (!isE164(row.number))
      return {
        field: 'phones',
        code: 'not_allowed_value',
        message: `Phone ${i + 1} is not a phone number in international format (like +18025550134).`,
        params: { index: i + 1 },
      };
    if (row.primary !== undefined && typeof row.primary !== 'boolean')
      return { field: 'phones', code: 'wrong_type', message: `Phone ${i + 1}: primary must be yes or no.` };
  }
  const primaries = (rows as JsonObject[]).filter((row) => row.primary === true).length;
  if (rows.length > 0 && primaries !== 1)
    return {
      field: 'phones',
      code: 'not_allowed_value',
      message: 'Mark exactly one phone number as the primary one.',
    };
  const numbers = (rows as JsonObject[]).map((row) => row.number);
  if (new Set(numbers).size !== numbers.length)
    return { field: 'phones', code: 'not_allowed_value', message: 'The same phone number is listed twice.' };
  return null;
}

/** A normalised name for duplicate detection: "José  O'Neil" and "jose oneil" are the same. */
export const nameKey = (name: unknown): string =>
  normalizeSearchText(String(name ?? '').replace(/['’`]/g, ''));

/** A facet of when a contact was last verified ("@verified=2026-04-01"; never verified sorts first). */
export const NEVER_VERIFIED = '0000-00-00';
export const verifiedTerm = (date: unknown): string =>
  facetTerm('verified', typeof date === 'string' && date ? date : NEVER_VERIFIED);
export const phoneTerm = (number: string): string => facetTerm('phone', number);
export const nameTerm = (name: unknown): string => facetTerm('name', nameKey(name));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const contactKind = defineKind({
  name: 'contact',
  label: 'contact',
  mode: 'editable',
  fields: [
    'name',
    'title',
    'position',
    'department',
    'phones',
    'email',
    'radio',
    'preferredMethod',
    'languages',
    'accessibility',
    'notes',
    'lastVerified',
  ],
  validate: (fields) => {
    const errors = problems(
      checkText(fields, 'name', 'Name', { required: true, max: 200 }),
      checkText(fields, 'title', 'Title', { max: 200 }),
      checkText(fields, 'position', 'Position', { max: 200 }),
      checkText(fields, 'department', 'Department', { max: 120 }),
      checkPhones(fields),
      checkText(fields, 'email', 'Email', { max: 254 }),
      checkText(fields, 'radio', 'Radio channel or call sign', { max: 60 }),
      checkOneOf(fields, 'preferredMethod', 'Preferred method', CONTACT_METHODS),
      checkTextList(fields, 'languages', 'Languages', { maxItems: 10, maxLength: 60 }),
      checkText(fields, 'accessibility', 'Accessibility needs', { max: 500 }),
      checkText(fields, 'notes', 'Notes', { max: 4_000 }),
      checkDate(fields, 'lastVerified', 'Last verified'),
    );
    if (typeof fields.email === 'string' && fields.email !== '' && !EMAIL.test(fields.email))
      errors.push({ field: 'email', code: 'wrong_type', message: 'Email is not an email address.' });
    return errors;
  },
  searchTerms: (fields) => {
    const terms = new Set<string>();
    for (const word of nameKey(fields.name).split(' ')) if (word.length > 1) terms.add(word);
    // The position whole ("public works director") and from each later word on ("works director",
    // "director"), so a search for any of its words finds it.
    const position = normalizeSearchText(String(fields.position ?? ''))
      .split(' ')
      .filter(Boolean);
    for (let i = 0; i < position.length && i < 4; i++) terms.add(position.slice(i).join(' '));
    terms.add(nameTerm(fields.name));
    terms.add(verifiedTerm(fields.lastVerified));
    if (Array.isArray(fields.phones))
      for (const phone of fields.phones as JsonObject[])
        if (isE164(phone.number)) terms.add(phoneTerm(phone.number));
    return [...terms];
  },
});

export const ESCALATE_TO = ['backup', 'parent'] as const;

/** The escalation rule's fields, as a tree holds them and a run copies them. */
const escalationChecks = (fields: JsonObject) => [
  checkNumber(fields, 'escalateAfterAttempts', 'Attempts before escalating', {
    required: true,
    min: 1,
    max: 20,
    integer: true,
  }),
  checkNumber(fields, 'escalateAfterMinutes', 'Minutes before escalating', {
    required: true,
    min: 1,
    max: 1_440,
    integer: true,
  }),
  checkOneOf(fields, 'escalateTo', 'Escalate to', ESCALATE_TO, { required: true }),
];

/** A call-down tree and its escalation rule: after N attempts or M minutes, pass to the backup or up. */
export const calldownTreeKind = defineKind({
  name: 'calldown_tree',
  label: 'call-down tree',
  mode: 'editable',
  fields: ['name', 'description', 'escalateAfterAttempts', 'escalateAfterMinutes', 'escalateTo'],
  defaults: { escalateAfterAttempts: 3, escalateAfterMinutes: 15, escalateTo: 'backup' },
  validate: (fields) =>
    problems(
      checkText(fields, 'name', 'Tree name', { required: true, max: 200 }),
      checkText(fields, 'description', 'Description', { max: 2_000 }),
      ...escalationChecks(fields),
    ),
});

const byTree = (fields: JsonObject): string[] => {
  const terms: string[] = [];
  if (typeof fields.treeId === 'string') terms.push(facetTerm('tree', fields.treeId));
  if (typeof fields.contactId === 'string') terms.push(facetTerm('contact', fields.contactId));
  return terms;
};

/**
 * One person on a tree: who calls them is the parent node (none: the activation authority at the top),
 * `order` sorts siblings, and the backup caller calls them when their caller cannot. Moving a branch is
 * changing `parentNodeId`; the screens refuse a move under its own branch, and a cycle made by two moves
 * on two devices is broken when the tree is read (calldown.ts buildTree).
 */
export const treeNodeKind = defineKind({
  name: 'tree_node',
  label: 'tree entry',
  mode: 'editable',
  fields: ['treeId', 'contactId', 'parentNodeId', 'order', 'backupContactId'],
  editableFields: ['contactId', 'parentNodeId', 'order', 'backupContactId'],
  validate: (fields) => {
    const errors = problems(
      checkRecordRef(fields, 'treeId', 'The tree', { required: true }),
      checkRecordRef(fields, 'contactId', 'The contact', { required: true }),
      checkRecordRef(fields, 'parentNodeId', 'The caller'),
      checkNumber(fields, 'order', 'Order', { required: true, min: 0, max: 1_000_000, integer: false }),
      checkRecordRef(fields, 'backupContactId', 'The backup caller'),
    );
    if (fields.backupContactId && fields.backupContactId === fields.contactId)
      errors.push({
        field: 'backupContactId',
        code: 'not_allowed_value',
        message: 'A person cannot be their own backup caller.',
      });
    return errors;
  },
  searchTerms: byTree,
});

/** Who acts for a key position, in order: the first one reachable holds it. */
export const successionKind = defineKind({
  name: 'succession',
  label: 'order of succession',
  mode: 'editable',
  fields: ['position', 'contactIds', 'notes'],
  validate: (fields) => {
    const errors = problems(
      checkText(fields, 'position', 'Position', { required: true, max: 200 }),
      checkTextList(fields, 'contactIds', 'Order of succession', { maxItems: 20, maxLength: 64 }),
      checkText(fields, 'notes', 'Notes', { max: 2_000 }),
    );
    const ids = Array.isArray(fields.contactIds) ? fields.contactIds : [];
    if (errors.length === 0 && ids.length === 0)
      errors.push({ field: 'contactIds', code: 'required', message: 'Name at least one person in line.' });
    else if (errors.length === 0 && ids.some((id) => !isRecordId(id)))
      errors.push({ field: 'contactIds', code: 'invalid_id', message: 'Someone in line is not a contact.' });
    else if (new Set(ids).size !== ids.length)
      errors.push({
        field: 'contactIds',
        code: 'not_allowed_value',
        message: 'The same person is in line twice.',
      });
    return errors;
  },
});

export const RUN_STATUSES = ['active', 'closed'] as const;
export const PLAN_KEYS = ['nodeId', 'contactId', 'parentNodeId', 'backupContactId', 'name', 'phone'] as const;

/**
 * A call-down run. It keeps the tree as it was when the run started (`plan`: one row per person, with the
 * name and primary phone), so editing the tree later never changes a run, and a run can be printed as it
 * was. The escalation rule is copied too. `exercise` is set at the start and never changes.
 */
export const calldownRunKind = defineKind({
  name: 'calldown_run',
  label: 'call-down',
  mode: 'editable',
  deletable: false,
  fields: [
    'treeId',
    'treeName',
    'message',
    'startedAt',
    'status',
    'closedAt',
    'exercise',
    'plan',
    'escalateAfterAttempts',
    'escalateAfterMinutes',
    'escalateTo',
  ],
  editableFields: ['status', 'closedAt'],
  defaults: { status: 'active', exercise: false },
  validate: (fields) =>
    problems(
      checkRecordRef(fields, 'treeId', 'The tree', { required: true }),
      checkText(fields, 'treeName', 'Tree name', { required: true, max: 200 }),
      checkText(fields, 'message', 'Message (script)', { required: true, max: 2_000 }),
      checkDateTime(fields, 'startedAt', 'Start time', { required: true }),
      checkOneOf(fields, 'status', 'Status', RUN_STATUSES, { required: true }),
      checkDateTime(fields, 'closedAt', 'Closing time'),
      checkBoolean(fields, 'exercise', 'Exercise'),
      checkObjectList(fields, 'plan', 'The people to call', {
        maxItems: 5_000,
        keys: PLAN_KEYS,
        maxLength: 200,
      }),
      ...escalationChecks(fields),
    ),
  searchTerms: (fields) => (typeof fields.treeId === 'string' ? [facetTerm('tree', fields.treeId)] : []),
});

export const ATTEMPT_OUTCOMES = [
  'reached_confirmed',
  'reached_unavailable',
  'voicemail',
  'no_answer',
  'bad_number',
  'relayed',
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** One call (or message) to one person of a run. Append-only: attempts from every device simply add up. */
export const calldownAttemptKind = defineKind({
  name: 'calldown_attempt',
  label: 'call attempt',
  mode: 'append-only',
  fields: ['runId', 'nodeId', 'contactId', 'outcome', 'at', 'callerName', 'phoneUsed', 'relayedVia', 'notes'],
  validate: (fields) => {
    const errors = problems(
      checkRecordRef(fields, 'runId', 'The call-down', { required: true }),
      checkRecordRef(fields, 'nodeId', 'The person called', { required: true }),
      checkRecordRef(fields, 'contactId', 'The contact', { required: true }),
      checkOneOf(fields, 'outcome', 'Outcome', ATTEMPT_OUTCOMES, { required: true }),
      checkDateTime(fields, 'at', 'Time of the call', { required: true }),
      checkText(fields, 'callerName', 'Caller', { required: true, max: 200 }),
      checkText(fields, 'phoneUsed', 'Number called', { max: 20 }),
      checkText(fields, 'relayedVia', 'Relayed through', { max: 200 }),
      checkText(fields, 'notes', 'Notes', { max: 1_000 }),
    );
    if (fields.outcome === 'relayed' && !(typeof fields.relayedVia === 'string' && fields.relayedVia.trim()))
      errors.push({
        field: 'relayedVia',
        code: 'required',
        message: 'Say who the message was relayed through.',
      });
    return errors;
  },
  searchTerms: (fields) => (typeof fields.runId === 'string' ? [facetTerm('run', fields.runId)] : []),
});

export const REPORT_KINDS = ['branch_closed', 'escalated'] as const;

/**
 * A caller's report during a run: a branch is closed (everyone in it was called), or a person who was not
 * reached was passed to their backup caller or up the tree (`toContactId`).
 */
export const calldownReportKind = defineKind({
  name: 'calldown_report',
  label: 'call-down report',
  mode: 'append-only',
  fields: ['runId', 'nodeId', 'report', 'at', 'byName', 'toContactId', 'notes'],
  validate: (fields) =>
    problems(
      checkRecordRef(fields, 'runId', 'The call-down', { required: true }),
      checkRecordRef(fields, 'nodeId', 'The person', { required: true }),
      checkOneOf(fields, 'report', 'Report', REPORT_KINDS, { required: true }),
      checkDateTime(fields, 'at', 'Time', { required: true }),
      checkText(fields, 'byName', 'Reported by', { required: true, max: 200 }),
      checkRecordRef(fields, 'toContactId', 'Passed to', { required: fields.report === 'escalated' }),
      checkText(fields, 'notes', 'Notes', { max: 1_000 }),
    ),
  searchTerms: (fields) => (typeof fields.runId === 'string' ? [facetTerm('run', fields.runId)] : []),
});

export const CONTACT_KINDS = [
  contactKind,
  calldownTreeKind,
  treeNodeKind,
  successionKind,
  calldownRunKind,
  calldownAttemptKind,
  calldownReportKind,
];
