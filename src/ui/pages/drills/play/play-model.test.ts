// Which injects a player's device shows: released by the clock or early, never held ones, only those for
// the player (or every inject for someone not on the exercise), newest first.
import { describe, expect, it } from 'vitest';
import type { InjectEventLike } from '../../../../domain/drills/drill-rules';
import type { RecordView } from '../../../../storage/sync-queries';
import {
  clockPending,
  participantsOf,
  playerFilter,
  playerNames,
  releasedInjects,
  toEvent,
  toInject,
  type PlayInject,
} from './play-model';

const inject = (id: string, number: number, scenarioMinute: number, players: string[] = []): PlayInject => ({
  id,
  number,
  scenarioMinute,
  players,
  synopsis: `Synopsis ${number}`,
  text: `Text ${number}`,
  method: 'phone',
  expectedAction: '',
  moduleId: '',
  pending: false,
});

const event = (id: string, injectId: string, action: InjectEventLike['action']): InjectEventLike => ({
  id,
  injectId,
  action,
  at: `2026-03-02T09:3${id}:00.000Z`,
  byName: 'Lead',
});

const injects = [
  inject('a', 1, 5),
  inject('b', 2, 10, ['pat']),
  inject('c', 3, 15, ['zoe']),
  inject('d', 4, 30),
];

describe('releasedInjects', () => {
  it('shows nothing before the first inject’s minute and each one from its minute on', () => {
    expect(releasedInjects(injects, [], 4.99, 'pat')).toEqual([]);
    expect(releasedInjects(injects, [], 5, 'pat').map((r) => r.inject.number)).toEqual([1]);
    expect(releasedInjects(injects, [], 10, 'pat').map((r) => r.inject.number)).toEqual([2, 1]);
  });

  it('keeps other players’ injects from a player and shows every inject to someone not on the exercise', () => {
    expect(releasedInjects(injects, [], 20, 'pat').map((r) => r.inject.number)).toEqual([2, 1]);
    expect(releasedInjects(injects, [], 20, null).map((r) => r.inject.number)).toEqual([3, 2, 1]);
  });

  it('hides a held inject until it is released and shows one delivered early at once', () => {
    const held = [event('1', 'b', 'held')];
    expect(releasedInjects(injects, held, 12, 'pat').map((r) => r.inject.number)).toEqual([1]);
    expect(clockPending(injects, held, 12).map((i) => i.number)).toEqual([3, 4]);
    const released = [...held, event('2', 'b', 'released')];
    expect(releasedInjects(injects, released, 12, 'pat').map((r) => r.inject.number)).toEqual([2, 1]);
    const early = [event('3', 'd', 'delivered_early')];
    expect(
      releasedInjects(injects, early, 6, 'pat').map((r) => [r.inject.number, r.state.deliveredBy]),
    ).toEqual([
      [4, 'early'],
      [1, 'clock'],
    ]);
    expect(clockPending(injects, early, 6).map((i) => i.number)).toEqual([2, 3]);
  });
});

describe('participants', () => {
  const fields = {
    participants: [
      { username: 'pat', name: 'Pat Lee', role: 'player' },
      { username: '', name: 'Sam Ruiz', role: 'observer' },
      { name: 'broken', role: 'nobody' },
    ],
  };

  it('reads valid rows and filters by the username only when it is on the exercise', () => {
    const participants = participantsOf(fields);
    expect(participants.map((p) => p.name)).toEqual(['Pat Lee', 'Sam Ruiz']);
    expect(playerFilter(participants, 'pat')).toBe('pat');
    expect(playerFilter(participants, 'omar')).toBeNull();
    expect(playerFilter(participants, undefined)).toBeNull();
    expect(playerNames(inject('x', 1, 0, ['pat', 'kim']), participants)).toEqual(['Pat Lee', 'kim']);
  });
});

describe('record views', () => {
  const view = (fields: Record<string, unknown>, pending = false) =>
    ({ id: 'r1', kind: 'k', dept: 'd', fields, pending, deleted: false }) as unknown as RecordView;

  it('reads an inject and an event with their defaults and the unsent flag', () => {
    expect(
      toInject(view({ number: 2, scenarioMinute: 10, synopsis: 'S', players: ['pat', 3] }, true)),
    ).toMatchObject({
      number: 2,
      scenarioMinute: 10,
      players: ['pat'],
      synopsis: 'S',
      text: '',
      pending: true,
    });
    expect(toEvent(view({ action: 'player_action', text: 'Called', at: 'x', byName: 'Pat' }))).toEqual({
      id: 'r1',
      action: 'player_action',
      text: 'Called',
      at: 'x',
      byName: 'Pat',
      scenarioMinute: null,
      pending: false,
    });
  });
});
