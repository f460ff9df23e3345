// Exercise mode (issue 8): while a device plays an exercise, it writes exercise material only. A new
// incident, call-down or checklist is made an exercise one; anything that acts on an incident, a call-down
// or a checklist may do so only when that one is an exercise; the drills' own records are exercise material
// by their kind; everything else (permits, contacts, trees, notes, templates…) is a real record and is
// refused with a plain reason. Pure: the caller looks the records up.
import type { JsonObject } from '../sync/json-value';
import type { Rejection } from '../sync/mutation-types';
import { DRILL_KINDS } from './drill-kinds';

/** Kinds that carry their own `exercise` flag, set when they are made. */
export const EXERCISE_FLAGGED_KINDS: readonly string[] = ['incident', 'calldown_run', 'checklist_run'];

/** Kinds that belong to an exercise-flagged record, through this field of theirs. */
export const OWNER_FIELDS: Readonly<Record<string, string>> = {
  operational_period: 'incidentId',
  activity_log: 'incidentId',
  log_entry: 'incidentId',
  ics213_message: 'incidentId',
  ics213_reply: 'incidentId',
  calldown_attempt: 'runId',
  calldown_report: 'runId',
  checklist_mark: 'runId',
};

/** Exercise-flagged kinds that may be linked to an incident: an exercise one may link to an exercise one only. */
export const LINK_FIELDS: Readonly<Record<string, string>> = { checklist_run: 'incidentId' };

const DRILL_KIND_NAMES: readonly string[] = DRILL_KINDS.map((kind) => kind.name);

export interface GuardedWrite {
  /** The mutation's kind (for updates and deletes: the stored record's). */
  kind: string;
  /** The fields the write ends with: a create's or append's fields, an update's stored fields. */
  fields: JsonObject;
  create: boolean;
}

export type GuardOutcome =
  | { ok: true; /** Fields to add to a create (exercise: true). */ set?: JsonObject }
  | { ok: false; rejected: Rejection };

const refused = (message: string): GuardOutcome => ({
  ok: false,
  rejected: { code: 'forbidden', message, params: { reason: 'exercise_mode' } },
});

/**
 * Whether a device in exercise mode may make this write. `owner` is the stored record the write belongs to
 * (its incident, call-down or checklist) or is linked to (a checklist's incident); null when there is none
 * or it is not on the device.
 */
export function guardExerciseWrite(write: GuardedWrite, owner: { fields: JsonObject } | null): GuardOutcome {
  if (DRILL_KIND_NAMES.includes(write.kind)) return { ok: true };
  if (EXERCISE_FLAGGED_KINDS.includes(write.kind)) {
    const link = LINK_FIELDS[write.kind];
    if (
      link &&
      typeof write.fields[link] === 'string' &&
      write.fields[link] &&
      owner?.fields.exercise !== true
    )
      return refused(
        'This device is in exercise mode: an exercise checklist can only be linked to an exercise incident.',
      );
    if (write.create) return { ok: true, set: { exercise: true } };
    return write.fields.exercise === true
      ? { ok: true }
      : refused('This device is in exercise mode: real records cannot be changed until you leave it.');
  }
  if (OWNER_FIELDS[write.kind]) {
    return owner?.fields.exercise === true
      ? { ok: true }
      : refused(
          'This device is in exercise mode: only exercise incidents, call-downs and checklists can be written to until you leave it.',
        );
  }
  return refused('This device is in exercise mode: real records cannot be changed until you leave it.');
}
