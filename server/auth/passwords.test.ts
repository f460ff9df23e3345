// Password hashes: argon2id at OWASP's parameters for new hashes, earlier scrypt hashes still verifying
// and flagged for rehash, malformed or hostile hashes refused.
import { describe, expect, it } from 'vitest';
import { scryptHash } from '../test-support/scrypt-hash';
import { ARGON2ID, hashPassword, needsRehash, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with argon2id m=19 MiB, t=2, p=1 (OWASP), naming them in the hash, and verifies', async () => {
    expect(ARGON2ID).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts every hash and compares passwords in NFC', async () => {
    const a = await hashPassword('café au lait, s’il vous plaît');
    const b = await hashPassword('café au lait, s’il vous plaît');
    expect(a).not.toBe(b);
    // The same text typed with a combining accent (NFD) is the same password.
    expect(await verifyPassword('café au lait, s’il vous plaît'.normalize('NFD'), a)).toBe(true);
  });

  it('still verifies an earlier scrypt hash, and asks for it to be replaced', async () => {
    const old = scryptHash('an older password here', 14);
    expect(await verifyPassword('an older password here', old)).toBe(true);
    expect(await verifyPassword('an older password there', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it('asks to rehash argon2id hashes with other parameters', async () => {
    const hash = await hashPassword('correct horse battery staple');
    const weaker = hash.replace('m=19456,t=2,p=1', 'm=12288,t=3,p=1');
    expect(needsRehash(weaker)).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('refuses malformed hashes, and hostile parameters without computing them', async () => {
    const good = await hashPassword('same password here');
    const [, , , , salt, key] = good.split('$');
    const hostile = `$argon2id$v=19$m=4194304,t=1,p=1$${salt}$${key}`;
    for (const bad of [
      '',
      'plain',
      hostile,
      `$argon2i$v=19$m=19456,t=2,p=1$${salt}$${key}`,
      `$argon2id$v=19$m=19456,t=2,p=1$${salt}$`,
      'scrypt$99$8$1$AA==$AA==',
      'bcrypt$x',
      'scrypt$14$8$1$AA==$',
    ]) {
      expect(await verifyPassword('same password here', bad)).toBe(false);
    }
  });
});
