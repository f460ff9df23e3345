// A password hash in the format the server wrote before argon2id, for tests of accounts that still hold
// one: scrypt$<log2N>$<r>$<p>$<salt b64>$<hash b64>.
import crypto from 'node:crypto';

export function scryptHash(password: string, log2N: number): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password.normalize('NFC'), salt, 32, {
    N: 2 ** log2N,
    r: 8,
    p: 1,
    maxmem: 256 * 2 ** log2N * 8,
  });
  return ['scrypt', log2N, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}
