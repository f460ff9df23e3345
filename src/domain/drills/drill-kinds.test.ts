// The drills kinds check what people type in plain words, and keep the exercise's own rules: a started
// clock has its time, participants have a role, a player's action says what was done, a hot-wash entry says
// something, ratings are P/S/M/U, an improvement item names its capability element.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../sync/json-value';
import { validateFields, type RecordKind } from '../sync/record-kinds';
import {
  exerciseKind,
  hotwashKind,
  improvementItemKind,
  injectEventKind,
  mselInjectKind,
  observationKind,
} from './drill-kinds';

const ID = '0190a5b4-0000-7000-8000-000000000001';
const check = (kind: RecordKind, fields: JsonObject) =>
  validateFields(kind, { ...kind.defaults, ...fields }, { op: 'create' }).map((e) => [e.field, e.message]);

describe('drills kinds', () => {
  it('an exercise needs a name, a type and a start; a running clock needs its time; rows need their parts', () => {
    expect(check(exerciseKind, {}).map(([field]) => field)).toEqual(['name', 'exerciseType', 'startDate']);
    const exercise = { name: 'Ice storm tabletop', exerciseType: 'tabletop', startDate: '2026-12-01' };
    expect(check(exerciseKind, exercise)).toEqual([]);
    expect(check(exerciseKind, { ...exercise, clockState: 'running' })).toEqual([
      ['clockAnchorAt', 'A started clock needs its time.'],
    ]);
    expect(
      check(exerciseKind, {
        ...exercise,
        participants: [{ username: 'omar', name: 'Omar Haddad', role: 'umpire' }],
      }),
    ).toEqual([
      [
        'participants',
        'Participant 1 needs a name and a role: lead_controller, controller, player, evaluator, observer.',
      ],
    ]);
    expect(check(exerciseKind, { ...exercise, endDate: '2026-11-30' })[0]?.[0]).toBe('endDate');
    expect(exerciseKind.writeRoles).toEqual(['admin', 'manager']);
  });

  it('an inject needs its number, time, synopsis, text and delivery method', () => {
    expect(check(mselInjectKind, { exerciseId: ID }).map(([field]) => field)).toEqual([
      'number',
      'scenarioMinute',
      'synopsis',
      'text',
      'method',
    ]);
    const inject = {
      exerciseId: ID,
      number: 1,
      scenarioMinute: 30,
      synopsis: 'Substation fire',
      text: 'The utility reports a fire at the north substation.',
      method: 'phone',
      players: ['omar'],
    };
    expect(check(mselInjectKind, inject)).toEqual([]);
    expect(check(mselInjectKind, { ...inject, scenarioMinute: 2.5 })[0]?.[0]).toBe('scenarioMinute');
  });

  it("a player's action says what was done; other events name their inject", () => {
    const base = { exerciseId: ID, at: '2026-12-01T10:00:00.000Z', byName: 'Omar' };
    expect(check(injectEventKind, { ...base, action: 'player_action' }).map(([f]) => f)).toEqual(['text']);
    expect(check(injectEventKind, { ...base, action: 'player_action', text: 'Opened the EOC' })).toEqual([]);
    expect(check(injectEventKind, { ...base, action: 'acknowledged' }).map(([f]) => f)).toEqual(['injectId']);
  });

  it('observations are rated P, S, M or U; hot-wash entries say something; improvement items name their element', () => {
    const observation = {
      exerciseId: ID,
      objectiveId: 'o1',
      rating: 'S',
      text: 'Call-down reached 80% in 40 minutes.',
      at: '2026-12-01T10:00:00.000Z',
      byName: 'Eve',
    };
    expect(check(observationKind, observation)).toEqual([]);
    expect(check(observationKind, { ...observation, rating: 'B' })[0]?.[0]).toBe('rating');
    const hotwash = { exerciseId: ID, byName: 'Omar', at: '2026-12-01T12:00:00.000Z' };
    expect(check(hotwashKind, hotwash)).toEqual([['wentWell', 'Write at least one of the answers.']]);
    expect(check(hotwashKind, { ...hotwash, toImprove: 'Radios' })).toEqual([]);
    const item = {
      exerciseId: ID,
      capability: 'Operational Communications',
      issue: 'Radios had dead zones',
      correctiveAction: 'Add a repeater',
      capabilityElement: 'equipment',
      responsibleOrg: 'Public Works',
    };
    expect(check(improvementItemKind, item)).toEqual([]);
    expect(check(improvementItemKind, { ...item, capabilityElement: 'money' })[0]?.[0]).toBe(
      'capabilityElement',
    );
  });
});
