// The "data changed a lot since the packet was printed" reminder also counts records that reached the
// device after the print though written before it (a laptop that synced late): records carry their
// writer's time, so the change in how many records the device holds is counted too.
import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '../domain/sync/sync-record';
import { applyPulledPage } from './apply-pulled-page';
import { countChangedSince, packetReminder, readPacketPrinted, recordPacketPrinted } from './packet-queries';
import { freshDatabase, n } from './test/test-db';

const permit = (i: number, rev: number): SyncRecord => ({
  id: n(i),
  kind: 'permit',
  dept: 'public-works',
  rev,
  // Written on an offline laptop at 08:00, before this device printed its packet at 10:00.
  createdAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T08:00:00.000Z',
  createdBy: 'sam',
  updatedBy: 'sam',
  deleted: false,
  fields: {
    permitType: 'Deck',
    description: 'Deck',
    address: `${i} Elm St`,
    applicantName: 'Ana Ruiz',
    appliedDate: '2026-03-02',
    number: `26-${String(i).padStart(6, '0')}`,
    status: 'submitted',
  },
});

describe('the packet reminder after a late sync', () => {
  it('counts records that arrived after the print as changed since the print', async () => {
    const db = await freshDatabase();
    await recordPacketPrinted(db, 'PKT-1-v1', new Date('2026-03-02T10:00:00.000Z'));
    const printed = (await readPacketPrinted(db))!;

    // At 11:00 the laptop syncs; this device pulls its 600 new permits.
    const records = Array.from({ length: 600 }, (_, i) => permit(i + 1, i + 1));
    await applyPulledPage(
      db,
      { records, cursor: '600', hasMore: false, scope: { departments: ['public-works'] } },
      { userId: 'rita', startResync: false },
    );
    expect(await db.records.where('kind').equals('permit').count()).toBe(600);

    const changed = await countChangedSince(db, printed.at, printed.records);
    expect(changed).toBe(600);
    const reminder = packetReminder({
      printed,
      days: 7,
      changed,
      now: new Date('2026-03-02T11:05:00.000Z'),
    });
    expect(reminder.due).toBe(true);
  });
});
