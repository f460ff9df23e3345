// The records of a running exercise as the play screens use them: injects and inject events read from
// their record views, the participants, and which injects a player's device shows now (released by the
// clock on this device, meant for this player, newest first). Pure, so it is unit-tested.
import type { Participant } from '../../../../domain/drills/drill-kinds';
import { PARTICIPANT_ROLES } from '../../../../domain/drills/drill-kinds';
import type {
  ClockFields,
  InjectEventLike,
  InjectLike,
  InjectState,
} from '../../../../domain/drills/drill-rules';
import { injectState, isForPlayer } from '../../../../domain/drills/drill-rules';
import type { RecordView } from '../../../../storage/sync-queries';

export interface PlayInject extends InjectLike {
  number: number;
  synopsis: string;
  text: string;
  method: string;
  expectedAction: string;
  moduleId: string;
  pending: boolean;
}

export interface PlayEvent extends InjectEventLike {
  pending: boolean;
  scenarioMinute: number | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function toInject(view: RecordView): PlayInject {
  const f = view.fields;
  return {
    id: view.id,
    number: Number(f.number ?? 0),
    scenarioMinute: Number(f.scenarioMinute ?? 0),
    players: Array.isArray(f.players) ? f.players.filter((p): p is string => typeof p === 'string') : [],
    synopsis: text(f.synopsis),
    text: text(f.text),
    method: text(f.method),
    expectedAction: text(f.expectedAction),
    moduleId: text(f.moduleId),
    pending: view.pending,
  };
}

export function toEvent(view: RecordView): PlayEvent {
  const f = view.fields;
  return {
    id: view.id,
    ...(typeof f.injectId === 'string' ? { injectId: f.injectId } : {}),
    action: f.action as PlayEvent['action'],
    at: text(f.at),
    byName: text(f.byName),
    ...(typeof f.byUsername === 'string' ? { byUsername: f.byUsername } : {}),
    ...(typeof f.text === 'string' ? { text: f.text } : {}),
    scenarioMinute: typeof f.scenarioMinute === 'number' ? f.scenarioMinute : null,
    pending: view.pending,
  };
}

export function participantsOf(fields: Record<string, unknown>): Participant[] {
  const rows = Array.isArray(fields.participants) ? fields.participants : [];
  return rows.flatMap((row) => {
    const r = (row ?? {}) as Partial<Participant>;
    if (typeof r.name !== 'string' || !(PARTICIPANT_ROLES as readonly unknown[]).includes(r.role)) return [];
    return [{ username: text(r.username), name: r.name, role: r.role as Participant['role'] }];
  });
}

/** Whose injects this device shows: the username when it is on the exercise, else null (every inject). */
export function playerFilter(
  participants: readonly Participant[],
  username: string | undefined,
): string | null {
  if (!username) return null;
  return participants.some((p) => p.username === username) ? username : null;
}

/** Players' usernames in words: the participant's name where known, else the username. */
export function playerNames(inject: InjectLike, participants: readonly Participant[]): string[] {
  return inject.players.map((u) => participants.find((p) => p.username === u)?.name || u);
}

export interface ReleasedInject {
  inject: PlayInject;
  state: InjectState;
}

/**
 * The injects a player sees at scenario time `scenarioNow`: delivered (by the clock or early, not held),
 * meant for `username` (null: every inject), newest first (latest scenario time, then highest number).
 */
export function releasedInjects(
  injects: readonly PlayInject[],
  events: readonly InjectEventLike[],
  scenarioNow: number,
  username: string | null,
): ReleasedInject[] {
  return injects
    .filter((inject) => username === null || isForPlayer(inject, username))
    .map((inject) => ({ inject, state: injectState(inject, events, scenarioNow) }))
    .filter(({ state }) => state.delivered)
    .sort((a, b) => b.inject.scenarioMinute - a.inject.scenarioMinute || b.inject.number - a.inject.number);
}

/** The injects whose release the clock still decides: not delivered early and not held. */
export function clockPending(
  injects: readonly PlayInject[],
  events: readonly InjectEventLike[],
  scenarioNow: number,
): PlayInject[] {
  return injects.filter((inject) => {
    const state = injectState(inject, events, scenarioNow);
    return !state.delivered && !state.held;
  });
}

/** The scenario minute to store on an event, to three decimals. */
export const eventMinute = (minutes: number): number => Math.round(minutes * 1000) / 1000;

export type { ClockFields };
