// The record kinds of the Incidents area: incidents, their operational periods, ICS 214 activity logs
// (editable header blocks) with their append-only, hash-chained entries, and ICS 213 general messages with
// their replies. See chain.ts for the chain and docs/incidents.md for the choices.
import {
  checkBoolean,
  checkDateTime,
  checkNumber,
  checkObjectList,
  checkOneOf,
  checkRecordRef,
  checkText,
  checkTextList,
  checkTimeOrder,
  problems,
} from '../sync/field-checks';
import type { JsonObject } from '../sync/json-value';
import type { FieldError } from '../sync/record-kinds';
import { defineKind } from '../sync/record-kinds';
import { facetTerm, normalizeSearchText } from '../sync/search-text';
import { contentHashOf, LINK_FIELDS, nextLink } from './chain';

export const INCIDENT_STATUSES = ['active', 'monitoring', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_TYPES = [
  'severe_weather',
  'flood',
  'fire',
  'power_outage',
  'it_outage',
  'hazmat',
  'public_health',
  'earthquake',
  'planned_event',
  'other',
] as const;
export const INCIDENT_SEVERITIES = ['minor', 'moderate', 'major', 'catastrophic'] as const;
/** An entry's optional priority tag; an entry without one is routine. */
export const ENTRY_PRIORITIES = ['important', 'urgent'] as const;

/** Every record of an incident carries this facet, so the incident page reads them from the index. */
export const incidentFacet = (incidentId: string): string => facetTerm('incident', incidentId);
/** A log's entries carry this facet. */
export const logFacet = (logId: string): string => facetTerm('log', logId);
/**
 * An entry's place on its incident's timeline: "@at=<incidentId>|<eventAt>". A key range over these reads
 * the newest entries of an incident, in event-time order, without reading the others.
 */
export const timelineTerm = (incidentId: string, eventAt: string): string =>
  facetTerm('at', `${incidentId}|${eventAt}`);

const refTerms =
  (...facets: ['incident' | 'log' | 'message', string][]) =>
  (fields: JsonObject): string[] =>
    facets.flatMap(([facet, field]) =>
      typeof fields[field] === 'string' ? [facetTerm(facet, fields[field])] : [],
    );

export const incidentKind = defineKind({
  name: 'incident',
  deletable: false,
  label: 'incident',
  mode: 'editable',
  fields: [
    'name',
    'number',
    'incidentType',
    'severity',
    'status',
    'location',
    'startedAt',
    'closedAt',
    'departments',
    'exercise',
    'description',
  ],
  // Whether an incident is an exercise is set when it is opened and never changes: exercise data never
  // becomes real, nor real data an exercise.
  editableFields: [
    'name',
    'number',
    'incidentType',
    'severity',
    'status',
    'location',
    'startedAt',
    'closedAt',
    'departments',
    'description',
  ],
  defaults: { status: 'active', exercise: false },
  validate: (fields) =>
    problems(
      checkText(fields, 'name', 'Incident name', { required: true, max: 200 }),
      checkText(fields, 'number', 'Incident number', { max: 40 }),
      checkOneOf(fields, 'incidentType', 'Incident type', INCIDENT_TYPES, { required: true }),
      checkOneOf(fields, 'severity', 'Severity', INCIDENT_SEVERITIES, { required: true }),
      checkOneOf(fields, 'status', 'Status', INCIDENT_STATUSES, { required: true }),
      checkText(fields, 'location', 'Location', { max: 300 }),
      checkDateTime(fields, 'startedAt', 'Start time', { required: true }),
      checkDateTime(fields, 'closedAt', 'Closing time'),
      checkTimeOrder(
        fields,
        { field: 'startedAt', label: 'The start time' },
        { field: 'closedAt', label: 'Closing time' },
      ),
      checkTextList(fields, 'departments', 'Departments involved', { maxItems: 30, maxLength: 40 }),
      checkBoolean(fields, 'exercise', 'Exercise'),
      checkText(fields, 'description', 'Description', { max: 4_000 }),
    ),
  searchTerms: (fields) => {
    const terms = new Set<string>();
    for (const word of normalizeSearchText(String(fields.name ?? '')).split(' '))
      if (word.length > 1) terms.add(word);
    const number = normalizeSearchText(String(fields.number ?? ''));
    if (number) terms.add(number);
    if (typeof fields.status === 'string') terms.add(facetTerm('status', fields.status));
    return [...terms];
  },
});

export const operationalPeriodKind = defineKind({
  name: 'operational_period',
  deletable: false,
  label: 'operational period',
  mode: 'editable',
  fields: ['incidentId', 'number', 'startsAt', 'endsAt'],
  editableFields: ['startsAt', 'endsAt'],
  validate: (fields) =>
    problems(
      checkRecordRef(fields, 'incidentId', 'The incident', { required: true }),
      checkNumber(fields, 'number', 'Period number', { required: true, min: 1, max: 9_999, integer: true }),
      checkDateTime(fields, 'startsAt', 'Period start', { required: true }),
      checkDateTime(fields, 'endsAt', 'Period end', { required: true }),
      checkTimeOrder(
        fields,
        { field: 'startsAt', label: 'The period start' },
        { field: 'endsAt', label: 'Period end' },
      ),
    ),
  searchTerms: refTerms(['incident', 'incidentId']),
});

export const RESOURCE_KEYS = ['name', 'position', 'agency'] as const;

export const activityLogKind = defineKind({
  name: 'activity_log',
  deletable: false,
  label: 'activity log',
  mode: 'editable',
  fields: [
    'incidentId',
    'periodId',
    'name',
    'icsPosition',
    'homeAgency',
    'resources',
    'entryCount',
    'headHash',
  ],
  // entryCount and headHash are the chain's state: only the log's entries move them.
  editableFields: ['name', 'icsPosition', 'homeAgency', 'resources'],
  validate: (fields, ctx) => {
    const errors = problems(
      checkRecordRef(fields, 'incidentId', 'The incident', { required: true }),
      checkRecordRef(fields, 'periodId', 'The operational period', { required: true }),
      checkText(fields, 'name', 'Name', { required: true, max: 200 }),
      checkText(fields, 'icsPosition', 'ICS position', { max: 120 }),
      checkText(fields, 'homeAgency', 'Home agency and unit', { max: 200 }),
      checkObjectList(fields, 'resources', 'Resources assigned', {
        maxItems: 40,
        keys: RESOURCE_KEYS,
        maxLength: 200,
      }),
    );
    if (ctx.op === 'create')
      for (const field of ['entryCount', 'headHash'])
        if (fields[field] !== undefined && fields[field] !== null)
          errors.push({
            field,
            code: 'not_editable',
            message: 'A new activity log starts empty; its entries fill this in.',
          });
    return errors;
  },
  searchTerms: refTerms(['incident', 'incidentId']),
});

function checkContentHash(fields: JsonObject): FieldError | null {
  if (typeof fields.contentHash !== 'string')
    return { field: 'contentHash', code: 'required', message: "The entry's content hash is required." };
  return contentHashOf(fields) === fields.contentHash
    ? null
    : {
        field: 'contentHash',
        code: 'not_allowed_value',
        message: "The entry's hash does not match its content: it was changed after it was written.",
      };
}

/**
 * One line of an activity log. Never changed or removed: a correction is a new entry whose `corrects`
 * names the one it corrects, with the reason. An entry keyed in later from a paper log is `transcribed`,
 * with its original time as eventAt. recordedAt is the writing device's clock.
 */
export const logEntryKind = defineKind({
  name: 'log_entry',
  label: 'log entry',
  mode: 'append-only',
  fields: [
    'logId',
    'incidentId',
    'eventAt',
    'recordedAt',
    'text',
    'priority',
    'corrects',
    'correctionReason',
    'transcribed',
    'authorName',
    'attachmentIds',
    'contentHash',
    ...LINK_FIELDS,
  ],
  validate: (fields) => {
    const errors = problems(
      checkRecordRef(fields, 'logId', 'The activity log', { required: true }),
      checkRecordRef(fields, 'incidentId', 'The incident', { required: true }),
      checkDateTime(fields, 'eventAt', 'Event time', { required: true }),
      checkDateTime(fields, 'recordedAt', 'Recorded time', { required: true }),
      checkText(fields, 'text', 'Entry', { required: true, max: 4_000 }),
      checkOneOf(fields, 'priority', 'Priority', ENTRY_PRIORITIES),
      checkRecordRef(fields, 'corrects', 'The corrected entry'),
      checkText(fields, 'correctionReason', 'Reason for the correction', {
        required: typeof fields.corrects === 'string',
        max: 1_000,
      }),
      checkBoolean(fields, 'transcribed', 'Transcribed from paper'),
      checkText(fields, 'authorName', 'Author', { required: true, max: 200 }),
      checkTextList(fields, 'attachmentIds', 'Attachments', { maxItems: 10, maxLength: 64 }),
    );
    const hash = errors.length === 0 ? checkContentHash(fields) : null;
    return hash ? [...errors, hash] : errors;
  },
  parent: {
    field: 'logId',
    kind: 'activity_log',
    sets: LINK_FIELDS,
    apply: (log, entry, _ctx, entryId) => {
      if (log.fields.incidentId !== entry.incidentId)
        return {
          rejected: {
            code: 'invalid',
            message: 'The entry names another incident than its activity log.',
            field: 'incidentId',
          },
        };
      const link = nextLink(log.fields, entryId, String(entry.contentHash));
      return { fields: { entryCount: link.seq, headHash: link.hash }, entryFields: link };
    },
  },
  searchTerms: (fields) => {
    const terms = refTerms(['log', 'logId'], ['incident', 'incidentId'])(fields);
    if (typeof fields.incidentId === 'string' && typeof fields.eventAt === 'string')
      terms.push(timelineTerm(fields.incidentId, fields.eventAt));
    return terms;
  },
});

const MESSAGE_FIELDS = [
  'incidentId',
  'toName',
  'toPosition',
  'fromName',
  'fromPosition',
  'subject',
  'message',
  'sentAt',
  'approvedByName',
  'approvedByPosition',
  'replyId',
] as const;

/** An ICS 213 General Message. Sent once, never changed; its reply is a separate entry. */
export const ics213MessageKind = defineKind({
  name: 'ics213_message',
  label: 'general message',
  mode: 'append-only',
  fields: MESSAGE_FIELDS,
  validate: (fields) => {
    const errors = problems(
      checkRecordRef(fields, 'incidentId', 'The incident', { required: true }),
      checkText(fields, 'toName', 'To (name)', { required: true, max: 200 }),
      checkText(fields, 'toPosition', 'To (position)', { max: 120 }),
      checkText(fields, 'fromName', 'From (name)', { required: true, max: 200 }),
      checkText(fields, 'fromPosition', 'From (position)', { max: 120 }),
      checkText(fields, 'subject', 'Subject', { required: true, max: 300 }),
      checkText(fields, 'message', 'Message', { required: true, max: 8_000 }),
      checkDateTime(fields, 'sentAt', 'Date and time', { required: true }),
      checkText(fields, 'approvedByName', 'Approved by (name)', { max: 200 }),
      checkText(fields, 'approvedByPosition', 'Approved by (position)', { max: 120 }),
    );
    if (fields.replyId !== undefined && fields.replyId !== null)
      errors.push({
        field: 'replyId',
        code: 'not_editable',
        message: 'A message gets its reply by replying to it.',
      });
    return errors;
  },
  searchTerms: refTerms(['incident', 'incidentId']),
});

/** The reply to an ICS 213 (blocks 9 and 10). One per message: a second is refused. */
export const ics213ReplyKind = defineKind({
  name: 'ics213_reply',
  label: 'reply',
  mode: 'append-only',
  fields: ['messageId', 'incidentId', 'reply', 'repliedByName', 'repliedByPosition', 'repliedAt'],
  validate: (fields) =>
    problems(
      checkRecordRef(fields, 'messageId', 'The message', { required: true }),
      checkRecordRef(fields, 'incidentId', 'The incident', { required: true }),
      checkText(fields, 'reply', 'Reply', { required: true, max: 8_000 }),
      checkText(fields, 'repliedByName', 'Replied by (name)', { required: true, max: 200 }),
      checkText(fields, 'repliedByPosition', 'Replied by (position)', { max: 120 }),
      checkDateTime(fields, 'repliedAt', 'Date and time', { required: true }),
    ),
  parent: {
    field: 'messageId',
    kind: 'ics213_message',
    apply: (message, reply, _ctx, replyId) => {
      if (typeof message.fields.replyId === 'string' && message.fields.replyId !== replyId)
        return {
          rejected: {
            code: 'not_allowed',
            message: 'This message already has a reply (someone answered it first).',
            field: 'messageId',
          },
        };
      if (message.fields.incidentId !== reply.incidentId)
        return {
          rejected: {
            code: 'invalid',
            message: 'The reply names another incident than its message.',
            field: 'incidentId',
          },
        };
      return { fields: { replyId } };
    },
  },
  searchTerms: refTerms(['incident', 'incidentId'], ['message', 'messageId']),
});

export const INCIDENT_KINDS = [
  incidentKind,
  operationalPeriodKind,
  activityLogKind,
  logEntryKind,
  ics213MessageKind,
  ics213ReplyKind,
];
