// A scene set from another desk: records pushed to the server through its sync API, as another device
// would send them, for a browser test to pull. One fresh client id, seq 1, 2, 3 …, in batches.
import type { APIRequestContext } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { currentUserId } from './sync';

export type SeedMutation = 'record.create' | 'entry.append';

interface SeedChange {
  name: SeedMutation;
  kind: string;
  id: string;
  fields: object;
}

const BATCH = 250;

export class SeedScene {
  readonly changes: SeedChange[] = [];

  /** `at` is the device time every change carries. */
  constructor(
    private readonly dept: string,
    private readonly at = '2026-03-02T07:00:00.000Z',
  ) {}

  /** Adds a change to the scene and returns the record's id. */
  add = (name: SeedMutation, kind: string, fields: object, id: string = uuidv7()): string => {
    this.changes.push({ name, kind, id, fields });
    return id;
  };

  /** Pushes the scene as the user of `api`; fails the test unless every change was applied. */
  async push(api: APIRequestContext): Promise<void> {
    const userId = await currentUserId(api);
    const clientId = uuidv7();
    const entries = this.changes.map((change, i) => ({
      clientId,
      seq: i + 1,
      name: change.name,
      args: { kind: change.kind, id: change.id, dept: this.dept, fields: change.fields },
      baseRevs: {},
      at: this.at,
      userId,
    }));
    for (let from = 0; from < entries.length; from += BATCH) {
      const data = { protocol: 1, clientId, entries: entries.slice(from, from + BATCH) };
      const response = await api.post('/api/sync/push', { data });
      const body = (await response.json()) as { results: { status: string; reason?: unknown }[] };
      expect(response.ok()).toBe(true);
      expect(body.results.filter((r) => r.status !== 'applied')).toEqual([]);
    }
  }
}
