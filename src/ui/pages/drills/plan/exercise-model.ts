// The exercise form's model, pure: the draft the form edits (objectives, modules and participants as rows
// that can be added, moved and removed), the fields it saves, and the domain's validation placed next to
// the field or row it is about. Also who may plan (the exercise kind's write roles) and small readers of an
// exercise record the drills screens share.
import {
  EXERCISE_TYPES,
  exerciseKind,
  PARTICIPANT_ROLES,
  type ExerciseModule,
  type ExerciseType,
  type Objective,
  type Participant,
  type ParticipantRole,
} from '../../../../domain/drills/drill-kinds';
import { scenarioTimeLabel } from '../../../../domain/drills/drill-rules';
import { parseScenarioTime } from '../../../../domain/drills/msel-csv';
import type { JsonObject } from '../../../../domain/sync/json-value';
import type { Role } from '../../../../domain/users';
import type { DrillsPlanKey } from './messages';

export const canPlan = (role: Role | undefined): boolean =>
  !!role && (exerciseKind.writeRoles as readonly string[]).includes(role);

export type ObjectiveRow = Objective;
export interface ModuleRow {
  id: string;
  title: string;
  /** As typed: "T+01:30" or "90". */
  start: string;
  summary: string;
}
export interface ParticipantRow extends Participant {
  /** The row's key in the form only (participants have no id of their own). */
  key: string;
  organization: string;
}

export interface ExerciseDraft {
  name: string;
  exerciseType: ExerciseType;
  startDate: string;
  endDate: string;
  scope: string;
  hazard: string;
  scenario: string;
  sponsor: string;
  pointOfContact: string;
  objectives: ObjectiveRow[];
  modules: ModuleRow[];
  participants: ParticipantRow[];
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const rows = <T>(value: unknown): Partial<T>[] =>
  Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Partial<T>[]) : [];

export const objectivesOf = (fields: JsonObject): Objective[] =>
  rows<Objective>(fields.objectives).map((o) => ({
    id: str(o.id),
    text: str(o.text),
    capability: str(o.capability),
  }));
export const modulesOf = (fields: JsonObject): ExerciseModule[] =>
  rows<ExerciseModule>(fields.modules).map((m) => ({
    id: str(m.id),
    title: str(m.title),
    startsAtMinute: str(m.startsAtMinute) || '0',
    ...(m.summary ? { summary: str(m.summary) } : {}),
  }));
export const participantsOf = (fields: JsonObject): Participant[] =>
  rows<Participant>(fields.participants).map((p) => ({
    username: str(p.username),
    name: str(p.name),
    role: ((PARTICIPANT_ROLES as readonly string[]).includes(str(p.role))
      ? p.role
      : 'player') as ParticipantRole,
    ...(p.organization ? { organization: str(p.organization) } : {}),
  }));

export const emptyDraft = (today: string): ExerciseDraft => ({
  name: '',
  exerciseType: 'tabletop',
  startDate: today,
  endDate: '',
  scope: '',
  hazard: '',
  scenario: '',
  sponsor: '',
  pointOfContact: '',
  objectives: [],
  modules: [],
  participants: [],
});

export function draftOf(fields: JsonObject): ExerciseDraft {
  const type = str(fields.exerciseType);
  return {
    name: str(fields.name),
    exerciseType: (EXERCISE_TYPES as readonly string[]).includes(type) ? (type as ExerciseType) : 'tabletop',
    startDate: str(fields.startDate),
    endDate: str(fields.endDate),
    scope: str(fields.scope),
    hazard: str(fields.hazard),
    scenario: str(fields.scenario),
    sponsor: str(fields.sponsor),
    pointOfContact: str(fields.pointOfContact),
    objectives: objectivesOf(fields),
    modules: modulesOf(fields).map((m) => ({
      id: m.id,
      title: m.title,
      start: scenarioTimeLabel(Number(m.startsAtMinute)),
      summary: m.summary ?? '',
    })),
    participants: participantsOf(fields).map((p, i) => ({
      ...p,
      organization: p.organization ?? '',
      key: `p${i + 1}`,
    })),
  };
}

/** The fields a save writes (the clock, status and template are left as they are). */
export function draftFields(draft: ExerciseDraft): JsonObject {
  const out: JsonObject = {
    name: draft.name.trim(),
    exerciseType: draft.exerciseType,
    startDate: draft.startDate,
    scope: draft.scope.trim(),
    hazard: draft.hazard.trim(),
    scenario: draft.scenario.trim(),
    sponsor: draft.sponsor.trim(),
    pointOfContact: draft.pointOfContact.trim(),
    objectives: draft.objectives.map((o) => ({
      id: o.id,
      text: o.text.trim(),
      capability: o.capability.trim(),
    })),
    modules: draft.modules.map((m) => {
      const minute = parseScenarioTime(m.start);
      return {
        id: m.id,
        title: m.title.trim(),
        startsAtMinute: minute === null ? m.start : String(minute),
        ...(m.summary.trim() ? { summary: m.summary.trim() } : {}),
      };
    }),
    participants: draft.participants.map((p) => ({
      username: p.username.trim(),
      name: p.name.trim(),
      role: p.role,
      ...(p.organization.trim() ? { organization: p.organization.trim() } : {}),
    })),
  };
  if (draft.endDate) out.endDate = draft.endDate;
  return out;
}

export type ErrorPlace =
  | { at: 'field'; field: string }
  | { at: 'row'; list: 'objectives' | 'modules' | 'participants'; id: string; part: string };

export interface DraftError {
  place: ErrorPlace;
  key: DrillsPlanKey;
  params?: Record<string, string | number>;
}

/** The domain's errors for the draft, each placed at its field or row part. */
export function draftErrors(draft: ExerciseDraft): DraftError[] {
  const fields = {
    ...draftFields(draft),
    status: 'planning',
    clockState: 'not_started',
    clockScenarioMinutes: 0,
    clockSpeed: 1,
  };
  const errors: DraftError[] = [];
  const seen = new Set<string>();
  const push = (error: DraftError) => {
    const key = JSON.stringify(error);
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(error);
    }
  };
  // Rows, checked here part by part so each message sits next to its input.
  draft.objectives.forEach((o) => {
    if (!o.text.trim())
      push({
        place: { at: 'row', list: 'objectives', id: o.id, part: 'text' },
        key: 'drillsPlan.error.objective',
      });
  });
  draft.modules.forEach((m) => {
    if (!m.title.trim())
      push({
        place: { at: 'row', list: 'modules', id: m.id, part: 'title' },
        key: 'drillsPlan.error.moduleTitle',
      });
    if (parseScenarioTime(m.start) === null)
      push({
        place: { at: 'row', list: 'modules', id: m.id, part: 'start' },
        key: 'drillsPlan.error.moduleStart',
      });
  });
  draft.participants.forEach((p) => {
    if (!p.name.trim())
      push({
        place: { at: 'row', list: 'participants', id: p.key, part: 'name' },
        key: 'drillsPlan.error.participantName',
      });
  });
  const rowFields = new Set(['objectives', 'modules', 'participants']);
  for (const error of exerciseKind.validate(fields, { op: 'create' })) {
    const place: ErrorPlace = { at: 'field', field: error.field };
    if (rowFields.has(error.field) && error.params?.row !== undefined) continue; // placed above
    if (error.code === 'required') push({ place, key: 'drillsPlan.error.required' });
    else if (error.code === 'too_long') push({ place, key: 'drillsPlan.error.tooLong' });
    else if (error.code === 'not_a_date') push({ place, key: 'drillsPlan.error.date' });
    else if (error.code === 'date_order') push({ place, key: 'drillsPlan.error.dateOrder' });
    else if (error.code === 'too_large') push({ place, key: 'drillsPlan.error.tooMany' });
    else push({ place, key: 'drillsPlan.error.other', params: { reason: error.message } });
  }
  return errors;
}

/** A list with the item at `index` moved by one place up (-1) or down (+1). */
export function moveRow<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** The first `${prefix}N` not already used. */
export function nextRowId(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Today's date on this device as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
