// Provisional numbers: the block comes from the client id, numbers never repeat, even when asked for at once.
import { describe, expect, it } from 'vitest';
import { getMeta } from './meta';
import {
  isProvisionalNumber,
  nextProvisionalNumber,
  provisionalBlock,
  PROVISIONAL_COUNTERS_KEY,
} from './provisional-numbers';
import { freshDatabase } from './test/test-db';
import { clientIdFor } from './write-mutation';

describe('provisional numbers', () => {
  it('are P-<block>-<n> with the block of the user’s client id on this device, counting from 1', async () => {
    const db = await freshDatabase();
    const sentinel = await getMeta(db, 'sentinel');
    const block = provisionalBlock(clientIdFor(sentinel!.deviceId, 'rita'));
    expect(block).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(await nextProvisionalNumber(db, 'rita')).toBe(`P-${block}-1`);
    expect(await nextProvisionalNumber(db, 'rita')).toBe(`P-${block}-2`);
    expect(isProvisionalNumber(`P-${block}-2`)).toBe(true);
    expect(isProvisionalNumber('BP-2024-0001')).toBe(false);
  });

  it('give each user of a device their own block and counter', async () => {
    const db = await freshDatabase();
    const rita = await nextProvisionalNumber(db, 'rita');
    const sam = await nextProvisionalNumber(db, 'sam');
    expect(rita.split('-')[1]).not.toBe(sam.split('-')[1]);
    expect(rita.endsWith('-1') && sam.endsWith('-1')).toBe(true);
  });

  it('never hand out the same number twice, even to concurrent callers', async () => {
    const db = await freshDatabase();
    const numbers = await Promise.all(Array.from({ length: 25 }, () => nextProvisionalNumber(db, 'rita')));
    expect(new Set(numbers).size).toBe(25);
    const row = await db.meta.get(PROVISIONAL_COUNTERS_KEY as never);
    expect(Object.values((row as unknown as { value: Record<string, number> }).value)).toEqual([26]);
  });

  it('spread different client ids over different blocks', () => {
    const blocks = new Set(
      Array.from({ length: 200 }, (_, i) => provisionalBlock(clientIdFor('device', `u${i}`))),
    );
    expect(blocks.size).toBeGreaterThan(195);
  });
});
