// The outage packet's reads: only the chosen departments, open permits by number, the week's inspections
// split into today and the rest, trees with their people, succession lines; the device's packet facts;
// the count of changed records since printing; and the reminder rule.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../domain/sync/json-value';
import type { HoldfastDatabase } from './database';
import {
  countChangedSince,
  DEFAULT_REMINDER_DAYS,
  listActiveLogPages,
  listOpenPermits,
  listWeekInspections,
  packetReminder,
  readPacketData,
  readPacketOrganization,
  readPacketPrinted,
  readPacketReminderDays,
  recordPacketPrinted,
  writePacketOrganization,
  writePacketReminderDays,
} from './packet-queries';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';

const DEPT = 'public-works';
const OTHER = 'parks';
let clock = 0;
const ctx = () =>
  ritaCtx({
    role: 'manager',
    departments: [DEPT, OTHER],
    now: new Date(Date.UTC(2026, 2, 1, 9, 0, clock++)).toISOString(),
  });
const create = (db: HoldfastDatabase, kind: string, id: string, fields: JsonObject, dept = DEPT) =>
  writeMutation(db, 'record.create', { kind, id, dept, fields }, ctx());

const permit = (db: HoldfastDatabase, i: number, number: string, status: string, dept = DEPT) =>
  create(
    db,
    'permit',
    n(i),
    {
      permitType: 'Deck',
      description: 'Deck',
      address: `${i} Elm St`,
      applicantName: 'Ana Ruiz',
      appliedDate: '2026-02-01',
      provisionalNumber: number,
      status: 'submitted',
    },
    dept,
  ).then(() => (status === 'submitted' ? undefined : forceStatus(db, n(i), status)));

/** Sets a stored permit's status directly (as a pulled page would): the lifecycle is not under test here. */
async function forceStatus(db: HoldfastDatabase, id: string, status: string) {
  await db.records.update(id, { 'fields.status': status });
}

describe('packet queries', () => {
  it('prints the latest log page of active real incidents only: never an exercise, never a closed one', async () => {
    const db = await freshDatabase();
    const incident = (i: number, name: string, extra: JsonObject) =>
      create(db, 'incident', n(i), {
        name,
        incidentType: 'flood',
        severity: 'major',
        startedAt: '2026-03-01T08:00:00.000Z',
        ...extra,
      });
    await incident(1, 'River flood', {});
    await incident(2, 'Flood drill', { exercise: true });
    await incident(3, 'Old storm', {});
    await forceStatus(db, n(3), 'closed');
    for (const i of [1, 2, 3]) {
      await create(db, 'operational_period', n(10 + i), {
        incidentId: n(i),
        number: 1,
        startsAt: '2026-03-01T08:00:00.000Z',
        endsAt: '2026-03-01T20:00:00.000Z',
      });
      await create(db, 'activity_log', n(20 + i), {
        incidentId: n(i),
        periodId: n(10 + i),
        name: `Log ${i}`,
      });
    }
    const pages = await listActiveLogPages(db, [DEPT]);
    expect(pages.map((page) => page.incident.fields.name)).toEqual(['River flood']);
  });

  it('lists open permits of the chosen departments only, by number', async () => {
    const db = await freshDatabase();
    await permit(db, 3, 'P-10', 'submitted');
    await permit(db, 1, 'P-2', 'issued');
    await permit(db, 2, 'P-3', 'finaled');
    await permit(db, 4, 'P-4', 'submitted', OTHER);
    const open = await listOpenPermits(db, [DEPT]);
    expect(open.map((p) => [p.number, p.status, p.address, p.applicant])).toEqual([
      ['P-2', 'issued', '1 Elm St', 'Ana Ruiz'],
      ['P-10', 'submitted', '3 Elm St', 'Ana Ruiz'],
    ]);
    expect((await listOpenPermits(db, [DEPT, OTHER])).map((p) => p.number)).toEqual(['P-2', 'P-4', 'P-10']);
    expect(await listOpenPermits(db, [])).toEqual([]);
  });

  it('splits the week’s inspections into today and the next six days, leaving out cancelled ones', async () => {
    const db = await freshDatabase();
    await permit(db, 1, 'P-1', 'issued');
    const inspection = (i: number, date: string, status = 'scheduled', address = '') =>
      create(db, 'permit_inspection', n(i), {
        permitId: n(1),
        inspectionType: 'Footings',
        scheduledDate: date,
        status,
        ...(address ? { address } : {}),
      });
    await inspection(10, '2026-03-02', 'scheduled', '20 Oak St');
    await inspection(11, '2026-03-02', 'scheduled', '5 Oak St');
    await inspection(12, '2026-03-08');
    await inspection(13, '2026-03-09'); // a week on: not this week
    await inspection(14, '2026-03-03', 'cancelled');
    await inspection(15, '2026-03-01'); // yesterday
    const week = await listWeekInspections(db, [DEPT], '2026-03-02');
    expect(week.today.map((i) => i.address)).toEqual(['5 Oak St', '20 Oak St']);
    expect(week.week.map((i) => [i.date, i.address, i.permitNumber])).toEqual([
      ['2026-03-08', '1 Elm St', 'P-1'],
    ]);
  });

  it('reads trees with their people and succession lines with names and phones', async () => {
    const db = await freshDatabase();
    const phones = [{ label: 'work', number: '+18025550101', primary: true }];
    await create(db, 'contact', n(1), { name: 'Ana Ruiz', phones });
    await create(db, 'contact', n(2), { name: 'Ben Ode', phones: [] });
    await create(db, 'calldown_tree', n(10), {
      name: 'Water',
      escalateAfterAttempts: 3,
      escalateAfterMinutes: 15,
      escalateTo: 'backup',
    });
    await create(db, 'tree_node', n(11), { treeId: n(10), contactId: n(1), order: 0 });
    await create(db, 'tree_node', n(12), { treeId: n(10), contactId: n(2), parentNodeId: n(11), order: 0 });
    await create(
      db,
      'calldown_tree',
      n(20),
      { name: 'Parks', escalateAfterAttempts: 3, escalateAfterMinutes: 15, escalateTo: 'backup' },
      OTHER,
    );
    await create(db, 'succession', n(30), { position: 'Director', contactIds: [n(2), n(1)] });
    const seen: string[] = [];
    const data = await readPacketData(db, [DEPT], '2026-03-02', (stage) => seen.push(stage));
    expect(seen).toEqual(['contacts', 'checklists', 'permits', 'inspections', 'incidents']);
    expect(data.trees.map((t) => t.tree.fields.name)).toEqual(['Water']);
    expect(data.trees[0]!.people.map((p) => [p.contact?.fields.name, p.depth])).toEqual([
      ['Ana Ruiz', 0],
      ['Ben Ode', 1],
    ]);
    expect(data.successions.map((s) => s.people)).toEqual([
      [
        { name: 'Ben Ode', phone: '' },
        { name: 'Ana Ruiz', phone: '+18025550101' },
      ],
    ]);
    expect(data.logPages).toEqual([]);
  });

  it('keeps the device’s packet facts: printed, reminder days, organization', async () => {
    const db = await freshDatabase();
    expect(await readPacketPrinted(db)).toBeNull();
    expect(await readPacketReminderDays(db)).toBe(DEFAULT_REMINDER_DAYS);
    await writePacketReminderDays(db, 14);
    expect(await readPacketReminderDays(db)).toBe(14);
    await expect(writePacketReminderDays(db, 0)).rejects.toThrow(RangeError);
    await writePacketOrganization(db, '  City of Burlington ');
    expect(await readPacketOrganization(db)).toBe('City of Burlington');
    await permit(db, 1, 'P-1', 'issued');
    await recordPacketPrinted(db, 'PKT-1-v1', new Date('2026-03-02T10:00:00Z'));
    expect(await readPacketPrinted(db)).toEqual({
      at: '2026-03-02T10:00:00.000Z',
      code: 'PKT-1-v1',
      records: 1,
    });
  });

  it('counts the records changed since a time from the index', async () => {
    const db = await freshDatabase();
    await permit(db, 1, 'P-1', 'issued'); // 09:00:xx on 2026-03-01
    await permit(db, 2, 'P-2', 'issued');
    const between = new Date(Date.UTC(2026, 2, 1, 9, 0, clock)).toISOString();
    await permit(db, 3, 'P-3', 'issued');
    await create(db, 'contact', n(4), { name: 'Ana', phones: [] });
    expect(await countChangedSince(db, '2026-01-01T00:00:00.000Z')).toBe(4);
    expect(await countChangedSince(db, between)).toBe(2);
    expect(await countChangedSince(db, '2027-01-01T00:00:00.000Z')).toBe(0);
  });
});

describe('the packet reminder', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const printed = (at: string, records = 1_000) => ({ at, code: 'PKT-1-v1', records });

  it('is due when the packet was never printed', () => {
    expect(packetReminder({ printed: null, days: 7, changed: 0, now })).toEqual({
      due: true,
      reason: 'never',
    });
  });

  it('is due when it was printed more than N days ago', () => {
    expect(packetReminder({ printed: printed('2026-03-03T11:00:00Z'), days: 7, changed: 0, now })).toEqual({
      due: false,
    });
    expect(packetReminder({ printed: printed('2026-03-02T11:00:00Z'), days: 7, changed: 0, now })).toEqual({
      due: true,
      reason: 'old',
      daysAgo: 8,
    });
    expect(packetReminder({ printed: printed('2026-03-02T11:00:00Z'), days: 30, changed: 0, now }).due).toBe(
      false,
    );
  });

  it('is due when more than a fifth of the records, or 500, changed since', () => {
    const recent = printed('2026-03-09T12:00:00Z', 1_000);
    expect(packetReminder({ printed: recent, days: 7, changed: 200, now }).due).toBe(false);
    expect(packetReminder({ printed: recent, days: 7, changed: 201, now })).toEqual({
      due: true,
      reason: 'changed',
      changed: 201,
    });
    const big = printed('2026-03-09T12:00:00Z', 100_000);
    expect(packetReminder({ printed: big, days: 7, changed: 499, now }).due).toBe(false);
    expect(packetReminder({ printed: big, days: 7, changed: 500, now }).due).toBe(true);
    // A nearly empty device is not nagged over a handful of edits.
    const small = printed('2026-03-09T12:00:00Z', 10);
    expect(packetReminder({ printed: small, days: 7, changed: 15, now }).due).toBe(false);
    expect(packetReminder({ printed: small, days: 7, changed: 21, now }).due).toBe(true);
  });
});
