// The rules of play, pure so every device computes the same thing from the same records, also offline:
// the scenario time from the exercise's clock, which injects a player's device releases, and the state of
// each inject from its events.
import type { ClockState, InjectAction } from './drill-kinds';

export interface ClockFields {
  clockState: ClockState;
  /** Device time (ISO) when the clock last changed. */
  clockAnchorAt?: string;
  /** Scenario minutes at that moment. */
  clockScenarioMinutes: number;
  clockSpeed: number;
}

/** The clock as a controller's action leaves it. */
export function clockFields(value: unknown): ClockFields {
  const f = (value ?? {}) as Record<string, unknown>;
  return {
    clockState: (typeof f.clockState === 'string' ? f.clockState : 'not_started') as ClockState,
    ...(typeof f.clockAnchorAt === 'string' ? { clockAnchorAt: f.clockAnchorAt } : {}),
    clockScenarioMinutes: typeof f.clockScenarioMinutes === 'number' ? f.clockScenarioMinutes : 0,
    clockSpeed: typeof f.clockSpeed === 'number' && f.clockSpeed > 0 ? f.clockSpeed : 1,
  };
}

/** Scenario minutes at device time `now` (fractional). Not started: 0; paused or ended: where it stopped. */
export function scenarioMinutesAt(clock: ClockFields, now: string): number {
  if (clock.clockState !== 'running' || !clock.clockAnchorAt) return clock.clockScenarioMinutes;
  const elapsed = Math.max(0, Date.parse(now) - Date.parse(clock.clockAnchorAt));
  return clock.clockScenarioMinutes + (elapsed / 60_000) * clock.clockSpeed;
}

export type ClockCommand =
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'speed'; speed: number }
  | { type: 'jump'; minutes: number }
  | { type: 'end' };

/**
 * The clock after a controller's command at device time `now`: the scenario time so far becomes the new
 * anchor, so pausing, resuming or changing speed never moves the scenario time backwards or forwards.
 */
export function applyClock(clock: ClockFields, command: ClockCommand, now: string): ClockFields {
  const minutes = Math.round(scenarioMinutesAt(clock, now) * 1000) / 1000;
  const anchored = { ...clock, clockAnchorAt: now, clockScenarioMinutes: minutes };
  switch (command.type) {
    case 'start':
      return {
        ...anchored,
        clockState: 'running',
        clockScenarioMinutes: clock.clockState === 'not_started' ? 0 : minutes,
      };
    case 'pause':
      return clock.clockState === 'running' ? { ...anchored, clockState: 'paused' } : clock;
    case 'resume':
      return clock.clockState === 'paused' ? { ...anchored, clockState: 'running' } : clock;
    case 'speed':
      return { ...anchored, clockSpeed: command.speed };
    case 'jump':
      return { ...anchored, clockScenarioMinutes: Math.max(minutes, command.minutes) };
    case 'end':
      return { ...anchored, clockState: 'ended' };
  }
}

/** "T+01:30": scenario minutes as hours and minutes from the start of play. */
export function scenarioTimeLabel(minutes: number): string {
  const whole = Math.max(0, Math.floor(minutes));
  return `T+${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

export interface InjectLike {
  id: string;
  scenarioMinute: number;
  /** Usernames of the intended players; empty: every player. */
  players: readonly string[];
}

export interface InjectEventLike {
  id: string;
  injectId?: string;
  action: InjectAction;
  at: string;
  byName: string;
  byUsername?: string;
  text?: string;
}

export type ExpectedStatus = 'pending' | 'met' | 'partly' | 'not_met';

export interface InjectState {
  /** Released to the players: its scenario time has come (and it is not held), or delivered early. */
  delivered: boolean;
  deliveredBy: 'clock' | 'early' | null;
  held: boolean;
  /** Who acknowledged it (names), in time order. */
  acknowledgedBy: string[];
  acknowledgedUsernames: string[];
  /** Players' actions recorded against it. */
  actions: InjectEventLike[];
  expected: ExpectedStatus;
}

const byTime = (a: InjectEventLike, b: InjectEventLike) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The state of one inject at scenario time `scenarioNow`, from its events (any order). */
export function injectState(
  inject: InjectLike,
  events: readonly InjectEventLike[],
  scenarioNow: number,
): InjectState {
  let held = false;
  let early = false;
  let expected: ExpectedStatus = 'pending';
  const acknowledgedBy: string[] = [];
  const acknowledgedUsernames: string[] = [];
  const actions: InjectEventLike[] = [];
  for (const event of [...events].filter((e) => e.injectId === inject.id).sort(byTime)) {
    switch (event.action) {
      case 'held':
        held = true;
        break;
      case 'released':
        held = false;
        break;
      case 'delivered_early':
        early = true;
        held = false;
        break;
      case 'acknowledged':
        if (!acknowledgedBy.includes(event.byName)) acknowledgedBy.push(event.byName);
        if (event.byUsername && !acknowledgedUsernames.includes(event.byUsername))
          acknowledgedUsernames.push(event.byUsername);
        break;
      case 'player_action':
        actions.push(event);
        break;
      case 'expected_met':
        expected = 'met';
        break;
      case 'expected_partly':
        expected = 'partly';
        break;
      case 'expected_not_met':
        expected = 'not_met';
        break;
    }
  }
  const byClock = !held && scenarioNow >= inject.scenarioMinute;
  const delivered = early || byClock;
  return {
    delivered,
    deliveredBy: early ? 'early' : byClock ? 'clock' : null,
    held: held && !early,
    acknowledgedBy,
    acknowledgedUsernames,
    actions,
    expected,
  };
}

/** Whether an inject is meant for a player (by username); an inject naming nobody is for every player. */
export const isForPlayer = (inject: InjectLike, username: string): boolean =>
  inject.players.length === 0 || inject.players.includes(username);

/**
 * Milliseconds of device time until the next of these injects is due by the clock (null when none is
 * left or the clock is not running): a player's device sets one timer for it, so an inject appears at its
 * scenario time without polling.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function msUntilNextRelease(
  clock: ClockFields,
  injects: readonly InjectLike[],
  now: string,
): number | null {
  if (clock.clockState !== 'running') return null;
  const scenarioNow = scenarioMinutesAt(clock, now);
  const next = injects
    .map((inject) => inject.scenarioMinute)
    .filter((minute) => minute > scenarioNow)
    .sort((a, b) => a - b)[0];
  if (next === undefined) return null;
  // A timer longer than setTimeout can hold (2^31 - 1 ms, about 25 days) would fire at once and loop: wait
  // the longest it can, then look again.
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(((next - scenarioNow) * 60_000) / clock.clockSpeed)));
}
