// Checklist reads: own templates by title (archived left out unless asked), runs active first then newest,
// an incident's runs by "@incident=", and a run read with its marks (another run's left out), each item's
// state and progress per phase; runsProgress gives the list's "N of M done".
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/sync/json-value';
import {
  listChecklistRuns,
  listChecklistTemplates,
  listIncidentChecklistRuns,
  readChecklistRun,
  runsProgress,
} from './checklist-queries';
import type { HoldfastDatabase } from './database';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';

const ctx = ritaCtx({ role: 'manager', now: '2026-03-02T09:00:00.000Z' });

async function write(
  db: HoldfastDatabase,
  name: 'record.create' | 'entry.append' | 'record.update',
  kind: string,
  id: string,
  fields: JsonObject,
) {
  const result =
    name === 'record.update'
      ? await writeMutation(db, name, { kind, id, fields }, ctx)
      : await writeMutation(db, name, { kind, id, dept: 'public-works', fields }, ctx);
  expect(result.ok, JSON.stringify(result)).toBe(true);
}

const outline = {
  sections: [
    { id: 's1', title: 'First hour' },
    { id: 's2', title: 'First day' },
  ],
  items: [
    { id: 'i1', section: 's1', text: 'Call the director', role: 'Lead', phase: 'activation', critical: true },
    { id: 'i2', section: 's1', text: 'Open the EOC', role: 'Lead', phase: 'activation', critical: false },
    { id: 'i3', section: 's2', text: 'Paper intake', role: 'Clerk', phase: 'continuity', critical: false },
  ],
};

const run = (title: string, startedAt: string, extra: Record<string, unknown> = {}) =>
  ({
    title,
    language: 'en',
    templateKey: 'power-outage',
    templateVersion: 1,
    startedAt,
    startedBy: 'Rita',
    status: 'active',
    ...outline,
    ...extra,
  }) as unknown as JsonObject;

const mark = (runId: string, itemId: string, action: string, at: string, note?: string) =>
  ({ runId, itemId, action, at, byName: 'Rita', ...(note ? { note } : {}) }) as JsonObject;

describe('checklist queries', () => {
  it('lists own templates by title, archived ones only when asked', async () => {
    const db = await freshDatabase();
    const template = (title: string) =>
      ({ title, language: 'en', version: 1, ...outline }) as unknown as JsonObject;
    await write(db, 'record.create', 'checklist_template', n(1), template('Water main break'));
    await write(db, 'record.create', 'checklist_template', n(2), template('Annual readiness'));
    await write(db, 'record.create', 'checklist_template', n(3), template('Boil water notice'));
    await write(db, 'record.update', 'checklist_template', n(3), { archived: true });
    expect((await listChecklistTemplates(db)).map((t) => t.fields.title)).toEqual([
      'Annual readiness',
      'Water main break',
    ]);
    expect((await listChecklistTemplates(db, { archived: true })).map((t) => t.id)).toEqual([
      n(2),
      n(3),
      n(1),
    ]);
  });

  it('lists runs active first, newest first, and an incident’s runs', async () => {
    const db = await freshDatabase();
    await write(db, 'record.create', 'incident', n(50), {
      name: 'Ice storm',
      incidentType: 'severe_weather',
      severity: 'moderate',
      status: 'active',
      startedAt: '2026-03-02T08:00:00Z',
    });
    await write(db, 'record.create', 'checklist_run', n(10), run('Old', '2026-03-01T08:00:00Z'));
    await write(db, 'record.create', 'checklist_run', n(11), run('Closed', '2026-03-02T08:00:00Z'));
    await write(db, 'record.update', 'checklist_run', n(11), {
      status: 'closed',
      closedAt: '2026-03-02T09:00:00Z',
    });
    await write(
      db,
      'record.create',
      'checklist_run',
      n(12),
      run('Storm', '2026-03-02T07:00:00Z', { incidentId: n(50) }),
    );
    expect((await listChecklistRuns(db)).map((r) => r.fields.title)).toEqual(['Storm', 'Old', 'Closed']);
    expect((await listIncidentChecklistRuns(db, n(50))).map((r) => r.id)).toEqual([n(12)]);
  });

  it('reads a run with its own marks, states and progress per phase', async () => {
    const db = await freshDatabase();
    await write(db, 'record.create', 'checklist_run', n(10), run('Outage', '2026-03-02T08:00:00Z'));
    await write(db, 'record.create', 'checklist_run', n(11), run('Other', '2026-03-02T08:00:00Z'));
    await write(
      db,
      'entry.append',
      'checklist_mark',
      n(20),
      mark(n(10), 'i1', 'done', '2026-03-02T09:01:00Z'),
    );
    await write(
      db,
      'entry.append',
      'checklist_mark',
      n(21),
      mark(n(10), 'i2', 'not_applicable', '2026-03-02T09:02:00Z', 'No EOC'),
    );
    await write(
      db,
      'entry.append',
      'checklist_mark',
      n(22),
      mark(n(10), 'i1', 'note', '2026-03-02T09:03:00Z', 'Reached at home'),
    );
    await write(
      db,
      'entry.append',
      'checklist_mark',
      n(23),
      mark(n(11), 'i3', 'done', '2026-03-02T09:04:00Z'),
    );
    const read = (await readChecklistRun(db, n(10)))!;
    expect(read.sections.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(read.marks.map((m) => m.id)).toEqual([n(20), n(21), n(22)]);
    expect(read.marks.every((m) => m.pending)).toBe(true);
    expect(read.statuses.get('i1')).toMatchObject({ state: 'done', by: 'Rita', at: '2026-03-02T09:01:00Z' });
    expect(read.statuses.get('i2')).toMatchObject({ state: 'not_applicable', reason: 'No EOC' });
    expect(read.statuses.get('i3')!.state).toBe('open');
    expect(read.phases).toEqual([
      { phase: 'activation', total: 2, done: 1, notApplicable: 1, open: 0, criticalOpen: 0 },
      { phase: 'continuity', total: 1, done: 0, notApplicable: 0, open: 1, criticalOpen: 0 },
    ]);
    expect(read.overall).toEqual({ total: 3, done: 1, notApplicable: 1, open: 1, criticalOpen: 0 });
    expect(await readChecklistRun(db, n(99))).toBeNull();

    const progress = await runsProgress(db);
    expect(progress.get(n(10))).toEqual({ done: 1, total: 3, open: 1 });
    expect(progress.get(n(11))).toEqual({ done: 1, total: 3, open: 2 });
  });
});
