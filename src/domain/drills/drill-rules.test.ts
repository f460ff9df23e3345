// The rules of play: the scenario time from the clock (start, pause, resume, speed, jump, end never move
// it backwards), each inject's state from its events in any order, and the next release time.
import { describe, expect, it } from 'vitest';
import {
  applyClock,
  clockFields,
  injectState,
  isForPlayer,
  msUntilNextRelease,
  scenarioMinutesAt,
  scenarioTimeLabel,
  type ClockFields,
  type InjectEventLike,
} from './drill-rules';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 27, 9, minute, second)).toISOString();
const stopped: ClockFields = clockFields({});

describe('the exercise clock', () => {
  it('starts at T+00:00 and runs at its speed', () => {
    expect(scenarioMinutesAt(stopped, at(5))).toBe(0);
    const running = applyClock(stopped, { type: 'start' }, at(0));
    expect(running).toMatchObject({ clockState: 'running', clockScenarioMinutes: 0, clockAnchorAt: at(0) });
    expect(scenarioMinutesAt(running, at(10))).toBe(10);
    const fast = applyClock(running, { type: 'speed', speed: 60 }, at(10));
    expect(scenarioMinutesAt(fast, at(10))).toBe(10);
    expect(scenarioMinutesAt(fast, at(11))).toBe(70);
    expect(scenarioTimeLabel(scenarioMinutesAt(fast, at(11, 30)))).toBe('T+01:40');
  });

  it('pauses where it is, resumes from there, jumps only forward, ends', () => {
    const running = applyClock(stopped, { type: 'start' }, at(0));
    const paused = applyClock(running, { type: 'pause' }, at(20));
    expect(scenarioMinutesAt(paused, at(50))).toBe(20);
    expect(applyClock(paused, { type: 'pause' }, at(30))).toBe(paused);
    const resumed = applyClock(paused, { type: 'resume' }, at(50));
    expect(scenarioMinutesAt(resumed, at(55))).toBe(25);
    expect(scenarioMinutesAt(applyClock(resumed, { type: 'jump', minutes: 90 }, at(55)), at(55))).toBe(90);
    expect(scenarioMinutesAt(applyClock(resumed, { type: 'jump', minutes: 10 }, at(55)), at(55))).toBe(25);
    const ended = applyClock(resumed, { type: 'end' }, at(60));
    expect(ended.clockState).toBe('ended');
    expect(scenarioMinutesAt(ended, at(90))).toBe(30);
  });
});

describe('injects', () => {
  const inject = { id: 'i1', scenarioMinute: 30, players: ['omar'] };
  const event = (
    id: string,
    action: InjectEventLike['action'],
    minute: number,
    extra = {},
  ): InjectEventLike => ({
    id,
    injectId: 'i1',
    action,
    at: at(minute),
    byName: 'Ines',
    ...extra,
  });

  it('is delivered by the clock at its scenario time, not before; a hold keeps it back until released', () => {
    expect(injectState(inject, [], 29.9)).toMatchObject({ delivered: false, deliveredBy: null });
    expect(injectState(inject, [], 30)).toMatchObject({ delivered: true, deliveredBy: 'clock' });
    const held = [event('e1', 'held', 1)];
    expect(injectState(inject, held, 45)).toMatchObject({ delivered: false, held: true });
    expect(injectState(inject, [...held, event('e2', 'released', 2)], 45)).toMatchObject({
      delivered: true,
      held: false,
    });
  });

  it('can be delivered early; acknowledgements, actions and the expected action come from its events in any order', () => {
    const events = [
      event('e4', 'expected_partly', 9),
      event('e2', 'acknowledged', 6, { byName: 'Omar', byUsername: 'omar' }),
      event('e1', 'delivered_early', 5),
      event('e3', 'player_action', 7, { byName: 'Omar', text: 'Opened the shelter' }),
      event('e5', 'acknowledged', 8, { byName: 'Omar', byUsername: 'omar' }),
      { ...event('x', 'acknowledged', 8), injectId: 'other' },
    ];
    const state = injectState(inject, events, 0);
    expect(state).toMatchObject({
      delivered: true,
      deliveredBy: 'early',
      acknowledgedBy: ['Omar'],
      acknowledgedUsernames: ['omar'],
      expected: 'partly',
    });
    expect(state.actions.map((a) => a.text)).toEqual(['Opened the shelter']);
  });

  it('goes to its intended players, or to every player when it names none', () => {
    expect(isForPlayer(inject, 'omar')).toBe(true);
    expect(isForPlayer(inject, 'rita')).toBe(false);
    expect(isForPlayer({ ...inject, players: [] }, 'rita')).toBe(true);
  });

  it('tells a player device when the next inject is due', () => {
    const running = applyClock(
      applyClock(stopped, { type: 'start' }, at(0)),
      { type: 'speed', speed: 10 },
      at(0),
    );
    const injects = [inject, { id: 'i2', scenarioMinute: 60, players: [] }];
    // At T+0 running ×10, T+30 is 3 real minutes away.
    expect(msUntilNextRelease(running, injects, at(0))).toBe(180_000);
    expect(msUntilNextRelease(running, injects, at(3))).toBe(180_000);
    expect(msUntilNextRelease(running, injects, at(7))).toBeNull();
    expect(msUntilNextRelease(applyClock(running, { type: 'pause' }, at(1)), injects, at(1))).toBeNull();
  });
});
