// Contacts read through the search index: list, search, staleness, duplicates and the threshold setting.
import { describe, expect, it } from 'vitest';
import { isStale } from '../domain/contacts/calldown';
import type { JsonObject } from '../domain/sync';
import {
  countContacts,
  DEFAULT_STALE_DAYS,
  findPossibleDuplicates,
  listStaleContacts,
  phoneDigits,
  readContacts,
  readStaleDays,
  selectContacts,
  staleCutoff,
  writeStaleDays,
} from './contact-queries';
import { freshDatabase, n, ritaCtx } from './test/test-db';
import { writeMutation } from './write-mutation';
import type { HoldfastDatabase } from './database';

const contact = (i: number, fields: JsonObject) => ({
  kind: 'contact',
  id: n(i),
  dept: 'public-works',
  fields,
});

async function seed(db: HoldfastDatabase) {
  const rows: [number, JsonObject][] = [
    [
      1,
      {
        name: 'Ana Ruiz',
        position: 'Public Works Director',
        phones: [{ label: 'mobile', number: '+18025550134', primary: true }],
        lastVerified: '2026-03-01',
      },
    ],
    [
      2,
      {
        name: "José O'Neil",
        position: 'Road foreman',
        phones: [
          { label: 'work', number: '+18025550199', primary: true },
          { label: 'home', number: '+18025557000' },
        ],
        lastVerified: '2025-01-15',
      },
    ],
    [3, { name: 'Bea Adams', phones: [{ label: 'mobile', number: '+442071838750', primary: true }] }],
    [4, { name: 'Cy Lee', position: 'Dispatcher', lastVerified: '2025-10-12' }],
  ];
  for (const [i, fields] of rows) {
    const result = await writeMutation(db, 'record.create', contact(i, fields), ritaCtx());
    expect(result.ok).toBe(true);
  }
}

const ids = async (db: HoldfastDatabase, filter: Parameters<typeof selectContacts>[1]) =>
  (await selectContacts(db, filter)).ids;

describe('selectContacts', () => {
  it('lists every live contact in name order and counts them', async () => {
    const db = await freshDatabase();
    await seed(db);
    expect(await ids(db, {})).toEqual([n(1), n(3), n(4), n(2)]);
    expect(await countContacts(db)).toBe(4);
    await writeMutation(db, 'record.delete', { kind: 'contact', id: n(4) }, ritaCtx());
    expect(await ids(db, {})).toEqual([n(1), n(3), n(2)]);
    expect(await countContacts(db)).toBe(3);
    const rows = await readContacts(db, [n(2), n(4), n(1)]);
    expect(rows.map((r) => r.fields.name)).toEqual(["José O'Neil", 'Ana Ruiz']);
  });

  it('finds contacts by a name word, a position or a phone number in any usual format', async () => {
    const db = await freshDatabase();
    await seed(db);
    expect(await ids(db, { text: 'RUI' })).toEqual([n(1)]);
    expect(await ids(db, { text: 'jose' })).toEqual([n(2)]);
    expect(await ids(db, { text: 'oneil' })).toEqual([n(2)]);
    expect(await ids(db, { text: 'road fore' })).toEqual([n(2)]);
    expect(await ids(db, { text: 'dispatch' })).toEqual([n(4)]);
    expect(await ids(db, { text: '+1 802 555' })).toEqual([n(1), n(2)]);
    expect(await ids(db, { text: '(802) 555-0134', callingCodes: ['1'] })).toEqual([n(1)]);
    expect(await ids(db, { text: '802 555 7000', callingCodes: ['1'] })).toEqual([n(2)]);
    expect(await ids(db, { text: '802 555 7000' })).toEqual([]);
    expect(await ids(db, { text: '+44 20' })).toEqual([n(3)]);
    expect(await ids(db, { text: 'nobody' })).toEqual([]);
  });

  it('lists contacts not verified within N days, never verified first, from one key range', async () => {
    const db = await freshDatabase();
    await seed(db);
    const today = '2026-04-10';
    const before = staleCutoff(today, 180);
    expect(before).toBe('2025-10-13');
    expect(await ids(db, { verifiedBefore: before })).toEqual([n(3), n(2), n(4)]);
    // Exactly as the domain's isStale decides, day for day.
    for (const day of ['2025-10-12', '2025-10-13']) expect(day < before).toBe(isStale(day, today, 180));
    expect((await listStaleContacts(db, before)).map((r) => r.id)).toEqual([n(3), n(2), n(4)]);
    expect(await ids(db, { verifiedBefore: staleCutoff(today, 30) })).toEqual([n(3), n(2), n(4), n(1)]);
    expect(await ids(db, { verifiedBefore: before, text: 'ana' })).toEqual([]);
    expect(await ids(db, { verifiedBefore: before, text: 'lee' })).toEqual([n(4)]);
    // Verifying a contact takes it off the list.
    await writeMutation(
      db,
      'record.update',
      { kind: 'contact', id: n(2), fields: { lastVerified: today } },
      ritaCtx(),
    );
    expect(await ids(db, { verifiedBefore: before })).toEqual([n(3), n(4)]);
  });
});

describe('findPossibleDuplicates', () => {
  it('finds the same name however it is written, and any shared number, once per contact', async () => {
    const db = await freshDatabase();
    await seed(db);
    const byName = await findPossibleDuplicates(db, { name: '  jose  ONEIL ' });
    expect(byName.map((d) => [d.contact.id, d.reason])).toEqual([[n(2), 'name']]);
    const byPhone = await findPossibleDuplicates(db, {
      name: 'A. Ruiz',
      phones: ['+15555550000', '+18025550134'],
    });
    expect(byPhone).toMatchObject([{ contact: { id: n(1) }, reason: 'phone', phone: '+18025550134' }]);
    const both = await findPossibleDuplicates(db, { name: 'Ana Ruiz', phones: ['+18025557000'] });
    expect(both.map((d) => [d.contact.id, d.reason])).toEqual([
      [n(1), 'name'],
      [n(2), 'phone'],
    ]);
    expect(await findPossibleDuplicates(db, { name: 'Ana Ruiz', excludeId: n(1) })).toEqual([]);
    expect(await findPossibleDuplicates(db, { name: '', phones: [] })).toEqual([]);
  });
});

describe('stale days setting', () => {
  it('defaults to 180 and keeps what is set on the device', async () => {
    const db = await freshDatabase();
    expect(await readStaleDays(db)).toBe(DEFAULT_STALE_DAYS);
    await writeStaleDays(db, 90);
    expect(await readStaleDays(db)).toBe(90);
    await expect(writeStaleDays(db, 0)).rejects.toThrow(RangeError);
    expect(await readStaleDays(db)).toBe(90);
  });
});

describe('phoneDigits', () => {
  it('reads digits from phone-looking text only', () => {
    expect(phoneDigits('(802) 555-01')).toBe('80255501');
    expect(phoneDigits('+1 802')).toBe('1802');
    expect(phoneDigits('12')).toBeNull();
    expect(phoneDigits('ana 802')).toBeNull();
  });
});
