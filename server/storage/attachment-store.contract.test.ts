// The attachment part of the storage contract: both adapters keep the bytes exactly (every byte value,
// an empty-ish and a 2 MB file), store an id once, and refuse an unknown uploader.
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import type { NewAttachment, Storage } from './storage';

const T0 = new Date('2030-01-01T08:00:00.000Z');

function attachment(n: number, data: Buffer, extra: Partial<NewAttachment> = {}): NewAttachment {
  return {
    id: `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    dept: 'roads',
    contentType: 'image/jpeg',
    size: data.length,
    sha256: crypto.createHash('sha256').update(data).digest('hex'),
    createdBy: 'u1',
    createdAt: T0,
    data,
    ...extra,
  };
}

const UNKNOWN_ID = '00000000-0000-7000-8000-0000000000ff';

describe.each(await testAdapters())('attachment storage contract: $name', ({ create }) => {
  let adapter: TestAdapter;
  let storage: Storage;
  beforeEach(async () => {
    adapter = create();
    storage = await adapter.open();
    await storage.users.create({
      id: 'u1',
      username: 'rita',
      displayName: 'Rita',
      role: 'clerk',
      passwordHash: 'x',
      disabled: false,
      departments: [],
      now: T0,
    });
  });
  afterEach(async () => {
    await adapter.cleanup();
  });

  it('stores an attachment and gives back its details and exact bytes', async () => {
    const every = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
    const photo = attachment(1, every);
    expect(await storage.attachments.put(photo)).toBe(true);
    const { data, ...details } = photo;
    expect(await storage.attachments.getMeta(photo.id)).toEqual(details);
    const back = await storage.attachments.getData(photo.id);
    expect(Buffer.isBuffer(back)).toBe(true);
    expect(back?.equals(data)).toBe(true);
  });

  it('keeps a file at the size limit intact', async () => {
    const big = crypto.randomBytes(2 * 1024 * 1024);
    const photo = attachment(2, big);
    expect(await storage.attachments.put(photo)).toBe(true);
    expect((await storage.attachments.getData(photo.id))?.equals(big)).toBe(true);
    expect((await storage.attachments.getMeta(photo.id))?.size).toBe(big.length);
  });

  it('answers null for an unknown id', async () => {
    expect(await storage.attachments.getMeta(UNKNOWN_ID)).toBeNull();
    expect(await storage.attachments.getData(UNKNOWN_ID)).toBeNull();
  });

  it('stores an id once: a second put changes nothing and says so', async () => {
    const first = attachment(3, Buffer.from('first'));
    const second = attachment(3, Buffer.from('second, different'), { dept: 'parks' });
    expect(await storage.attachments.put(first)).toBe(true);
    expect(await storage.attachments.put(second)).toBe(false);
    expect(await storage.attachments.put(first)).toBe(false);
    expect((await storage.attachments.getMeta(first.id))?.sha256).toBe(first.sha256);
    expect((await storage.attachments.getData(first.id))?.toString()).toBe('first');
  });

  it('two puts of one id at once: exactly one stores it', async () => {
    const photo = attachment(4, Buffer.from('racing'));
    const results = await Promise.all([
      storage.transaction((tx) => tx.attachments.put(photo)),
      storage.transaction((tx) => tx.attachments.put(photo)),
    ]);
    expect(results.sort()).toEqual([false, true]);
  });

  it('puts inside a transaction roll back with it', async () => {
    const photo = attachment(5, Buffer.from('rolled back'));
    await expect(
      storage.transaction(async (tx) => {
        await tx.attachments.put(photo);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage.attachments.getMeta(photo.id)).toBeNull();
  });

  it('refuses an attachment by an unknown user', async () => {
    await expect(
      storage.attachments.put(attachment(6, Buffer.from('x'), { createdBy: 'nobody' })),
    ).rejects.toThrow();
    expect(await storage.attachments.getMeta(attachment(6, Buffer.from('x')).id)).toBeNull();
  });
});
