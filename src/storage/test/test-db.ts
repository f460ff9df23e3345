// Test fixtures for the storage layer: a fresh database per test and a signed-in user's context.
import type { MutationContext } from '../../domain/sync/mutation-types';
import type { HoldfastDatabase } from '../database';
import { openDatabase } from '../open-database';

let counter = 0;

export async function freshDatabase(
  name = `holdfast-test-${++counter}-${Math.random().toString(36).slice(2)}`,
) {
  const { db } = await openDatabase({ name, mirror: null });
  return db;
}

export function ritaCtx(overrides: Partial<MutationContext> = {}): MutationContext {
  return {
    userId: 'rita',
    role: 'clerk',
    departments: ['public-works'],
    now: '2025-03-04T09:00:00.000Z',
    ...overrides,
  };
}

/** A valid UUID-shaped id: n(1) = 00000000-0000-7000-8000-000000000001. */
export function n(i: number): string {
  return `00000000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
}

export function createNote(db: HoldfastDatabase, i: number, title = `Note ${i}`, ctx = ritaCtx()) {
  return import('../write-mutation').then(({ writeMutation }) =>
    writeMutation(
      db,
      'record.create',
      { kind: 'note', id: n(i), dept: 'public-works', fields: { title } },
      ctx,
    ),
  );
}
