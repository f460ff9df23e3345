// Exercise mode keeps exercise material away from real records: a checklist started in exercise mode
// may not be linked to a real incident (it would show on the real incident's page), and a tab follows
// another tab's switch of the mode instead of a stale per-tab copy.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../domain/sync/json-value';
import { listIncidentChecklistRuns } from '../../storage/checklist-queries';
import type { HoldfastDatabase } from '../../storage/database';
import { freshDatabase, n, ritaCtx } from '../../storage/test/test-db';
import { writeMutation } from '../../storage/write-mutation';

const ctx = ritaCtx({ role: 'manager', now: '2026-03-02T09:00:00.000Z' });

async function realIncident(db: HoldfastDatabase, i: number) {
  const result = await writeMutation(
    db,
    'record.create',
    {
      kind: 'incident',
      id: n(i),
      dept: 'public-works',
      fields: {
        name: 'Water main break, 5th St',
        incidentType: 'flood',
        severity: 'major',
        startedAt: '2026-03-01T06:00:00.000Z',
      },
    },
    ctx,
  );
  expect(result.ok, JSON.stringify(result)).toBe(true);
}

const runFields = (incidentId: string): JsonObject =>
  ({
    title: 'Power outage',
    language: 'en',
    templateKey: 'power-outage',
    templateVersion: 1,
    incidentId,
    exercise: false,
    startedAt: '2026-03-02T09:30:00.000Z',
    startedBy: 'Pat Player',
    status: 'active',
    sections: [{ id: 's1', title: 'First hour' }],
    items: [{ id: 'i1', section: 's1', text: 'Call the director', role: 'Lead', phase: 'activation' }],
  }) as unknown as JsonObject;

describe('exercise mode and real incidents', () => {
  it('refuses, in exercise mode, a new checklist linked to a real incident', async () => {
    const { guardForExerciseMode } = await import('./exercise-mode');
    const db = await freshDatabase();
    await realIncident(db, 1);
    const args = { kind: 'checklist_run', id: n(2), dept: 'public-works', fields: runFields(n(1)) };
    const guarded = await guardForExerciseMode(db, 'record.create', args);

    expect(guarded.ok).toBe(false);
    if (!guarded.ok) expect(guarded.rejected.message).toMatch(/linked to an exercise incident/);
    expect(await listIncidentChecklistRuns(db, n(1))).toEqual([]);
  });
});

describe('exercise mode across tabs', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("follows another tab's switch instead of a stale per-tab copy", async () => {
    const store = new Map<string, string>();
    const fakeWindow = new EventTarget();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    });
    vi.stubGlobal('window', fakeWindow);
    vi.stubGlobal('addEventListener', fakeWindow.addEventListener.bind(fakeWindow));
    vi.resetModules();
    const { exerciseMode } = await import('./exercise-mode');

    // This tab (the incident board) has already written something: the mode was read, and was off.
    expect(exerciseMode()).toBeNull();

    // The player turns exercise mode on in the drill's tab: localStorage changes, and the browser fires
    // a "storage" event in every other tab of the app.
    const value = JSON.stringify({ exerciseId: n(9), name: 'Ransomware tabletop' });
    store.set('holdfast.exerciseMode', value);
    fakeWindow.dispatchEvent(
      Object.assign(new Event('storage'), { key: 'holdfast.exerciseMode', newValue: value }),
    );

    // writeChange() asks exerciseMode() before every write: it must now guard this tab's writes too.
    expect(exerciseMode()).toEqual({ exerciseId: n(9), name: 'Ransomware tabletop' });
  });
});
