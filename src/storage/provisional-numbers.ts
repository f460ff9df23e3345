// Provisional permit numbers, handed out offline: "P-<block>-<n>". The block is a short code derived from
// the client id (one per user per device, see clientIdOf), n a counter kept in `meta` per block and
// incremented inside a Dexie transaction, so two tabs never hand out the same number (gaps are fine).
import { sha256Hex } from '../domain/sync/sha256';
import type { HoldfastDatabase } from './database';
import { clientIdOf } from './write-mutation';

/** The meta row holding the next number of each block (not in MetaValues: see the report to the lead). */
export const PROVISIONAL_COUNTERS_KEY = 'provisionalNumbers';

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U to misread
const BLOCK_LENGTH = 5;

/** The block code of a client id: the first 25 bits of its SHA-256 in Crockford base32 (5 characters). */
export function provisionalBlock(clientId: string): string {
  const bits = parseInt(sha256Hex(clientId).slice(0, 8), 16);
  let code = '';
  for (let i = 0; i < BLOCK_LENGTH; i++) code += BASE32[(bits >>> (32 - 5 * (i + 1))) & 31];
  return code;
}

export const formatProvisionalNumber = (block: string, n: number): string => `P-${block}-${n}`;

/** Whether a text looks like a provisional number (for labelling it as provisional). */
export const isProvisionalNumber = (value: string): boolean => /^P-[0-9A-Z]{4,5}-\d+$/.test(value);

/**
 * The next provisional number of this user on this device. The counter moves even when the permit is
 * never saved (a gap, harmless); the transaction makes the read-increment-write atomic across tabs.
 */
export async function nextProvisionalNumber(db: HoldfastDatabase, userId: string): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const block = provisionalBlock(await clientIdOf(db, userId));
    const row = (await db.meta.get(PROVISIONAL_COUNTERS_KEY as never)) as
      { value: Record<string, number> } | undefined;
    const counters = row?.value ?? {};
    const n = counters[block] ?? 1;
    await db.meta.put({ key: PROVISIONAL_COUNTERS_KEY, value: { ...counters, [block]: n + 1 } } as never);
    return formatProvisionalNumber(block, n);
  });
}
