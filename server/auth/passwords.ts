// Password hashing with node:crypto scrypt (OWASP: N=2^17, r=8, p=1), encoded with its parameters
// as scrypt$<log2N>$<r>$<p>$<salt b64>$<hash b64> so the cost can be raised later without breaking old hashes.
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

function options(log2N: number, r: number, p: number): crypto.ScryptOptions {
  // scrypt needs about 128 * N * r bytes; leave headroom above Node's 32 MiB default.
  return { N: 2 ** log2N, r, p, maxmem: 256 * 2 ** log2N * r + 1024 * 1024 };
}

export async function hashPassword(password: string, log2N: number): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_BYTES, options(log2N, R, P));
  return ['scrypt', log2N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  log2N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(encoded: string): ParsedHash | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [log2N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (
    ![log2N, r, p].every(Number.isInteger) ||
    log2N < 10 ||
    log2N > 24 ||
    r < 1 ||
    r > 32 ||
    p < 1 ||
    p > 16
  ) {
    return null;
  }
  return {
    log2N,
    r,
    p,
    salt: Buffer.from(parts[4] ?? '', 'base64'),
    key: Buffer.from(parts[5] ?? '', 'base64'),
  };
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed || parsed.key.length === 0) return false;
  const key = await scrypt(
    password.normalize('NFC'),
    parsed.salt,
    parsed.key.length,
    options(parsed.log2N, parsed.r, parsed.p),
  );
  return crypto.timingSafeEqual(key, parsed.key);
}

/** True when a stored hash was made with a different cost than configured: rehash it at the next login. */
export function needsRehash(encoded: string, log2N: number): boolean {
  const parsed = parseHash(encoded);
  return !parsed || parsed.log2N !== log2N || parsed.r !== R || parsed.p !== P;
}
