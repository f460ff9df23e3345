// The record kinds of the Drills area (issue 8, HSEEP): exercises (with their objectives, modules,
// participants and clock), the MSEL's injects, what happens to an inject during play (append-only inject
// events: delivered early, held, acknowledged, a player's action, the expected action met or not),
// evaluators' observations, hot-wash feedback, the after-action report and its improvement plan items.
// Every one of these is exercise material by its kind; it never points at a real record. The rules of play
// (the clock, when an inject is released) are pure functions in drill-rules.ts.
import {
  checkBoolean,
  checkDate,
  checkDateOrder,
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
import type { FieldError } from '../sync/record-kinds';
import { defineKind } from '../sync/record-kinds';
import { facetTerm, normalizeSearchText } from '../sync/search-text';

export const EXERCISE_TYPES = ['tabletop', 'drill', 'functional'] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];
export const EXERCISE_STATUSES = ['planning', 'running', 'ended', 'closed'] as const;
export const CLOCK_STATES = ['not_started', 'running', 'paused', 'ended'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];
/** How much faster than real time the scenario may run. */
export const CLOCK_SPEEDS = [1, 2, 5, 10, 30, 60] as const;
export const PARTICIPANT_ROLES = [
  'lead_controller',
  'controller',
  'player',
  'evaluator',
  'observer',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const DELIVERY_METHODS = ['phone', 'email', 'radio', 'in_person', 'paper', 'video', 'other'] as const;
/** P, S, M, U: performed without challenges, with some, with major challenges, unable to be performed. */
export const RATINGS = ['P', 'S', 'M', 'U'] as const;
export type Rating = (typeof RATINGS)[number];
/** The capability elements of an improvement plan item (planning, organization, equipment, training, exercise). */
export const CAPABILITY_ELEMENTS = ['planning', 'organization', 'equipment', 'training', 'exercise'] as const;
export const IMPROVEMENT_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

export interface Objective {
  id: string;
  text: string;
  /** A core capability (FEMA's 32, in words: "Operational Coordination"). */
  capability: string;
}

export interface ExerciseModule {
  id: string;
  title: string;
  /** When the module starts, in scenario minutes from the start of play. */
  startsAtMinute: string;
  summary?: string;
}

export interface Participant {
  /** The participant's Holdfast username, so their device knows which injects are theirs; may be empty. */
  username: string;
  name: string;
  role: ParticipantRole;
  organization?: string;
}

/**
 * Append-only entries of an exercise are checked against it where they are written and again on the
 * server: the exercise exists, is not deleted, and the entry is filed in its department. They change
 * nothing on the exercise itself.
 */
const EXERCISE_PARENT = { field: 'exerciseId', kind: 'exercise', apply: () => ({ fields: {} }) };

/** Every record of an exercise carries this facet; the exercise itself carries "@drill=exercise". */
export const exerciseFacet = (exerciseId: string): string => facetTerm('exercise', exerciseId);

const byExercise = (fields: JsonObject): string[] =>
  typeof fields.exerciseId === 'string' ? [exerciseFacet(fields.exerciseId)] : [];

/** Objectives, modules and participants: each row's id (or username) unique, required parts present. */
function checkExerciseRows(fields: JsonObject): FieldError[] {
  const shape = problems(
    checkObjectList(fields, 'objectives', 'Objectives', {
      maxItems: 30,
      keys: ['id', 'text', 'capability'],
      maxLength: 1_000,
    }),
    checkObjectList(fields, 'modules', 'Modules', {
      maxItems: 20,
      keys: ['id', 'title', 'startsAtMinute', 'summary'],
      maxLength: 2_000,
    }),
    checkObjectList(fields, 'participants', 'Participants', {
      maxItems: 300,
      keys: ['username', 'name', 'role', 'organization'],
      maxLength: 200,
    }),
  );
  if (shape.length > 0) return shape;
  const errors: FieldError[] = [];
  const rows = <T>(field: string) => (Array.isArray(fields[field]) ? (fields[field] as unknown as T[]) : []);
  const seen = new Set<string>();
  rows<Partial<Objective>>('objectives').forEach((row, i) => {
    if (!row.id || seen.has(row.id) || !row.text?.trim())
      errors.push({
        field: 'objectives',
        code: 'required',
        message: `Objective ${i + 1} needs its text.`,
        params: { row: i + 1 },
      });
    if (row.id) seen.add(row.id);
  });
  rows<Partial<ExerciseModule>>('modules').forEach((row, i) => {
    const minute = Number(row.startsAtMinute);
    if (!row.id || !row.title?.trim() || !Number.isInteger(minute) || minute < 0)
      errors.push({
        field: 'modules',
        code: 'required',
        message: `Module ${i + 1} needs a title and a start in whole scenario minutes (0 or more).`,
        params: { row: i + 1 },
      });
  });
  rows<Partial<Participant>>('participants').forEach((row, i) => {
    if (!row.name?.trim() || !(PARTICIPANT_ROLES as readonly unknown[]).includes(row.role))
      errors.push({
        field: 'participants',
        code: 'required',
        message: `Participant ${i + 1} needs a name and a role: ${PARTICIPANT_ROLES.join(', ')}.`,
        params: { row: i + 1 },
      });
  });
  return errors;
}

/**
 * An exercise. The clock is part of it: `clockState`, and at `clockAnchorAt` (a controller's device time)
 * the scenario stood at `clockScenarioMinutes` and ran `clockSpeed` times real time. A controller moves
 * all four together; every device computes the scenario time from them, also offline (drill-rules.ts).
 */
export const exerciseKind = defineKind({
  name: 'exercise',
  label: 'exercise',
  mode: 'editable',
  writeRoles: ['admin', 'manager'],
  fields: [
    'name',
    'exerciseType',
    'startDate',
    'endDate',
    'scope',
    'hazard',
    'scenario',
    'objectives',
    'modules',
    'participants',
    'sponsor',
    'pointOfContact',
    'templateKey',
    'status',
    'clockState',
    'clockAnchorAt',
    'clockScenarioMinutes',
    'clockSpeed',
    'scenarioStartsAt',
    'incidentId',
  ],
  defaults: { status: 'planning', clockState: 'not_started', clockScenarioMinutes: 0, clockSpeed: 1 },
  validate: (fields) => {
    const errors = problems(
      checkText(fields, 'name', 'Exercise name', { required: true, max: 200 }),
      checkOneOf(fields, 'exerciseType', 'Exercise type', EXERCISE_TYPES, { required: true }),
      checkDate(fields, 'startDate', 'Start date', { required: true }),
      checkDate(fields, 'endDate', 'End date'),
      checkDateOrder(
        fields,
        { field: 'startDate', label: 'The start date' },
        { field: 'endDate', label: 'End date' },
      ),
      checkText(fields, 'scope', 'Scope', { max: 4_000 }),
      checkText(fields, 'hazard', 'Threat or hazard', { max: 300 }),
      checkText(fields, 'scenario', 'Scenario', { max: 20_000 }),
      checkText(fields, 'sponsor', 'Sponsor', { max: 200 }),
      checkText(fields, 'pointOfContact', 'Point of contact', { max: 300 }),
      checkText(fields, 'templateKey', 'Template', { max: 80 }),
      checkOneOf(fields, 'status', 'Status', EXERCISE_STATUSES, { required: true }),
      checkOneOf(fields, 'clockState', 'Clock', CLOCK_STATES, { required: true }),
      checkDateTime(fields, 'clockAnchorAt', 'Clock time'),
      checkNumber(fields, 'clockScenarioMinutes', 'Scenario time', {
        required: true,
        min: 0,
        max: 100_000,
      }),
      checkNumber(fields, 'clockSpeed', 'Clock speed', { required: true, min: 1, max: 60 }),
      checkDateTime(fields, 'scenarioStartsAt', 'Scenario start'),
      checkRecordRef(fields, 'incidentId', 'The exercise incident'),
    ).concat(checkExerciseRows(fields));
    if (
      errors.length === 0 &&
      fields.clockState !== 'not_started' &&
      typeof fields.clockAnchorAt !== 'string'
    )
      errors.push({ field: 'clockAnchorAt', code: 'required', message: 'A started clock needs its time.' });
    return errors;
  },
  searchTerms: (fields) => {
    const terms = new Set<string>([facetTerm('drill', 'exercise')]);
    for (const word of normalizeSearchText(String(fields.name ?? '')).split(' '))
      if (word.length > 1) terms.add(word);
    return [...terms];
  },
});

/** One inject of the MSEL: what reaches which players when, and what they are expected to do. */
export const mselInjectKind = defineKind({
  name: 'msel_inject',
  label: 'inject',
  mode: 'editable',
  writeRoles: ['admin', 'manager'],
  fields: [
    'exerciseId',
    'number',
    'scenarioMinute',
    'moduleId',
    'synopsis',
    'text',
    'method',
    'controller',
    'players',
    'expectedAction',
    'objectiveId',
    'evaluatorNotes',
    'contingency',
  ],
  defaults: { contingency: false },
  validate: (fields) =>
    problems(
      checkRecordRef(fields, 'exerciseId', 'The exercise', { required: true }),
      checkNumber(fields, 'number', 'Inject number', { required: true, min: 1, max: 9_999, integer: true }),
      checkNumber(fields, 'scenarioMinute', 'Scenario time', {
        required: true,
        min: 0,
        max: 100_000,
        integer: true,
      }),
      checkText(fields, 'moduleId', 'Module', { max: 64 }),
      checkText(fields, 'synopsis', 'Synopsis', { required: true, max: 300 }),
      checkText(fields, 'text', 'Inject text', { required: true, max: 10_000 }),
      checkOneOf(fields, 'method', 'Delivery method', DELIVERY_METHODS, { required: true }),
      checkText(fields, 'controller', 'Responsible controller', { max: 200 }),
      checkTextList(fields, 'players', 'Intended players', { maxItems: 100, maxLength: 64 }),
      checkText(fields, 'expectedAction', 'Expected action', { max: 4_000 }),
      checkText(fields, 'objectiveId', 'Objective', { max: 64 }),
      checkText(fields, 'evaluatorNotes', 'Notes for evaluators', { max: 4_000 }),
      checkBoolean(fields, 'contingency', 'Contingency inject'),
    ),
  searchTerms: byExercise,
});

export const INJECT_ACTIONS = [
  'delivered_early',
  'held',
  'released',
  'acknowledged',
  'player_action',
  'expected_met',
  'expected_partly',
  'expected_not_met',
] as const;
export type InjectAction = (typeof INJECT_ACTIONS)[number];
/** Actions only a controller (or an admin/manager) records. */
export const CONTROLLER_ACTIONS: readonly InjectAction[] = [
  'delivered_early',
  'held',
  'released',
  'expected_met',
  'expected_partly',
  'expected_not_met',
];

/**
 * What happened to an inject during play, or a player's action (with or without an inject). Append-only:
 * from every device they add up and never conflict; an inject's state is read from them in time order.
 */
export const injectEventKind = defineKind({
  name: 'inject_event',
  label: 'exercise entry',
  mode: 'append-only',
  fields: ['exerciseId', 'injectId', 'action', 'text', 'at', 'scenarioMinute', 'byName', 'byUsername'],
  parent: EXERCISE_PARENT,
  validate: (fields) => {
    const errors = problems(
      checkRecordRef(fields, 'exerciseId', 'The exercise', { required: true }),
      checkRecordRef(fields, 'injectId', 'The inject', { required: fields.action !== 'player_action' }),
      checkOneOf(fields, 'action', 'Action', INJECT_ACTIONS, { required: true }),
      checkText(fields, 'text', 'Text', { required: fields.action === 'player_action', max: 4_000 }),
      checkDateTime(fields, 'at', 'Time', { required: true }),
      checkNumber(fields, 'scenarioMinute', 'Scenario time', { min: 0, max: 100_000 }),
      checkText(fields, 'byName', 'Who', { required: true, max: 200 }),
      checkText(fields, 'byUsername', 'Username', { max: 64 }),
    );
    return errors;
  },
  searchTerms: byExercise,
});

/** An evaluator's observation against an objective (and maybe an inject), rated P/S/M/U. */
export const observationKind = defineKind({
  name: 'exercise_observation',
  label: 'observation',
  mode: 'editable',
  fields: [
    'exerciseId',
    'objectiveId',
    'injectId',
    'rating',
    'text',
    'strength',
    'areaForImprovement',
    'rootCause',
    'at',
    'byName',
  ],
  validate: (fields) =>
    problems(
      checkRecordRef(fields, 'exerciseId', 'The exercise', { required: true }),
      checkText(fields, 'objectiveId', 'Objective', { required: true, max: 64 }),
      checkRecordRef(fields, 'injectId', 'The inject'),
      checkOneOf(fields, 'rating', 'Rating', RATINGS, { required: true }),
      checkText(fields, 'text', 'Observation', { required: true, max: 4_000 }),
      checkText(fields, 'strength', 'Strength', { max: 2_000 }),
      checkText(fields, 'areaForImprovement', 'Area for improvement', { max: 2_000 }),
      checkText(fields, 'rootCause', 'Root cause', { max: 2_000 }),
      checkDateTime(fields, 'at', 'Time', { required: true }),
      checkText(fields, 'byName', 'Evaluator', { required: true, max: 200 }),
    ),
  searchTerms: byExercise,
});

/** One participant's hot-wash feedback, right after play. Append-only. */
export const hotwashKind = defineKind({
  name: 'hotwash_entry',
  label: 'hot-wash feedback',
  mode: 'append-only',
  fields: ['exerciseId', 'byName', 'role', 'wentWell', 'toImprove', 'other', 'at'],
  parent: EXERCISE_PARENT,
  validate: (fields) => {
    const errors = problems(
      checkRecordRef(fields, 'exerciseId', 'The exercise', { required: true }),
      checkText(fields, 'byName', 'Name', { required: true, max: 200 }),
      checkOneOf(fields, 'role', 'Role', PARTICIPANT_ROLES),
      checkText(fields, 'wentWell', 'What went well', { max: 4_000 }),
      checkText(fields, 'toImprove', 'What to improve', { max: 4_000 }),
      checkText(fields, 'other', 'Anything else', { max: 4_000 }),
      checkDateTime(fields, 'at', 'Time', { required: true }),
    );
    const said = ['wentWell', 'toImprove', 'other'].some(
      (field) => typeof fields[field] === 'string' && (fields[field] as string).trim() !== '',
    );
    if (errors.length === 0 && !said)
      errors.push({ field: 'wentWell', code: 'required', message: 'Write at least one of the answers.' });
    return errors;
  },
  searchTerms: byExercise,
});

export const AAR_STATUSES = ['draft', 'final'] as const;

/**
 * The after-action report: a draft generated from the exercise record, then edited. The timeline and the
 * observations are read from their records when it is shown or printed; the report keeps the words.
 */
export const afterActionReportKind = defineKind({
  name: 'after_action_report',
  label: 'after-action report',
  mode: 'editable',
  writeRoles: ['admin', 'manager'],
  fields: [
    'exerciseId',
    'executiveSummary',
    'overview',
    'objectiveRatings',
    'strengths',
    'areasForImprovement',
    'status',
  ],
  defaults: { status: 'draft' },
  validate: (fields) =>
    problems(
      checkRecordRef(fields, 'exerciseId', 'The exercise', { required: true }),
      checkText(fields, 'executiveSummary', 'Executive summary', { max: 20_000 }),
      checkText(fields, 'overview', 'Overview', { max: 20_000 }),
      checkObjectList(fields, 'objectiveRatings', 'Objective ratings', {
        maxItems: 30,
        keys: ['objectiveId', 'rating', 'summary'],
        maxLength: 4_000,
      }),
      checkText(fields, 'strengths', 'Strengths', { max: 20_000 }),
      checkText(fields, 'areasForImprovement', 'Areas for improvement', { max: 20_000 }),
      checkOneOf(fields, 'status', 'Status', AAR_STATUSES, { required: true }),
    ),
  searchTerms: byExercise,
});

/** One row of the improvement plan, tracked to completion after the exercise. */
export const improvementItemKind = defineKind({
  name: 'improvement_item',
  label: 'improvement plan item',
  mode: 'editable',
  fields: [
    'exerciseId',
    'capability',
    'issue',
    'correctiveAction',
    'capabilityElement',
    'responsibleOrg',
    'pointOfContact',
    'startDate',
    'completionDate',
    'status',
    'notes',
  ],
  defaults: { status: 'open' },
  validate: (fields) =>
    problems(
      checkRecordRef(fields, 'exerciseId', 'The exercise', { required: true }),
      checkText(fields, 'capability', 'Core capability', { required: true, max: 120 }),
      checkText(fields, 'issue', 'Issue or area for improvement', { required: true, max: 2_000 }),
      checkText(fields, 'correctiveAction', 'Corrective action', { required: true, max: 2_000 }),
      checkOneOf(fields, 'capabilityElement', 'Capability element', CAPABILITY_ELEMENTS, { required: true }),
      checkText(fields, 'responsibleOrg', 'Responsible organization', { required: true, max: 200 }),
      checkText(fields, 'pointOfContact', 'Point of contact', { max: 200 }),
      checkDate(fields, 'startDate', 'Start date'),
      checkDate(fields, 'completionDate', 'Completion date'),
      checkDateOrder(
        fields,
        { field: 'startDate', label: 'The start date' },
        { field: 'completionDate', label: 'Completion date' },
      ),
      checkOneOf(fields, 'status', 'Status', IMPROVEMENT_STATUSES, { required: true }),
      checkText(fields, 'notes', 'Notes', { max: 4_000 }),
    ),
  searchTerms: byExercise,
});

export const DRILL_KINDS = [
  exerciseKind,
  mselInjectKind,
  injectEventKind,
  observationKind,
  hotwashKind,
  afterActionReportKind,
  improvementItemKind,
];
