// scrypt password hashes: encoding, verification, cost parameters.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { hashPassword, needsRehash, verifyPassword } from './passwords';

describe('passwords', () => {
  it('uses the OWASP default cost N=2^17, r=8, p=1 and verifies with it', async () => {
    const log2N = loadConfig({}).passwordScryptLog2N;
    const hash = await hashPassword('correct horse battery staple', log2N);
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
  });

  it('salts every hash, rejects malformed hashes, and flags hashes with another cost', async () => {
    const a = await hashPassword('same password here', 14);
    const b = await hashPassword('same password here', 14);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password here', b)).toBe(true);
    for (const bad of ['', 'plain', 'scrypt$99$8$1$AA==$AA==', 'bcrypt$x', 'scrypt$14$8$1$AA==$']) {
      expect(await verifyPassword('same password here', bad)).toBe(false);
    }
    expect(needsRehash(a, 14)).toBe(false);
    expect(needsRehash(a, 17)).toBe(true);
    expect(needsRehash('garbage', 14)).toBe(true);
  });
});
