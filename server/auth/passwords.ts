// Password hashing. New hashes are argon2id with OWASP's parameters (m = 19 MiB, t = 2, p = 1), in the
// standard PHC string `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, which names the algorithm and its
// parameters. Hashes made before (`scrypt$<log2N>$<r>$<p>$<salt b64>$<hash b64>`, node:crypto scrypt)
// still verify, and needsRehash says to replace them at the user's next successful sign-in.
//
// Why argon2id rather than scrypt at OWASP's N = 2^17, r = 8: each scrypt hash needs 128 MiB and over a
// second on a 2-core server; 50 sign-ins at once took 26 s and the server peaked at 625 MB. argon2id at
// OWASP's parameters needs 19 MiB and ~45 ms a hash: the same 50 sign-ins took 1.2 s, peaking at 134 MB.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { hash as argon2Hash, parseOptions, verify as argon2Verify, type Algorithm } from '@node-rs/argon2';
import { limitConcurrency } from './concurrency';

/** OWASP Password Storage Cheat Sheet, argon2id: m = 19 MiB, t = 2, p = 1. */
export const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// @node-rs/argon2 declares its Algorithm as a const enum, which isolatedModules cannot read: 2 is Argon2id.
const ALGORITHM_ARGON2ID = 2 as Algorithm;
/** Argon2 version 0x13 (19), the current one; @node-rs/argon2 numbers it 1. */
const VERSION_0X13 = 1;

/**
 * Hashes run on libuv's threadpool (4 threads), each holding its memory while it runs. At most this many
 * run at once, so a burst of sign-ins queues instead of holding 4 × the memory (4 × 128 MiB for an old
 * scrypt hash); two keep both cores of a small server busy.
 */
export const HASH_CONCURRENCY = 2;
const limited = limitConcurrency(HASH_CONCURRENCY);

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

export async function hashPassword(password: string): Promise<string> {
  return limited(() => argon2Hash(password.normalize('NFC'), { ...ARGON2ID, algorithm: ALGORITHM_ARGON2ID }));
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  if (encoded.startsWith('$argon2id$')) {
    if (!argon2Parameters(encoded)) return false;
    // A stored hash that does not decode is a wrong password, as a malformed scrypt hash is.
    return limited(() => argon2Verify(encoded, password.normalize('NFC'))).catch(() => false);
  }
  const parsed = parseScrypt(encoded);
  if (!parsed || parsed.key.length === 0) return false;
  const key = await limited(() =>
    scrypt(password.normalize('NFC'), parsed.salt, parsed.key.length, scryptOptions(parsed)),
  );
  return crypto.timingSafeEqual(key, parsed.key);
}

/** True unless the hash is argon2id with today's parameters: replace it at the next successful sign-in. */
export function needsRehash(encoded: string): boolean {
  const parameters = argon2Parameters(encoded);
  return (
    !parameters ||
    parameters.memoryCost !== ARGON2ID.memoryCost ||
    parameters.timeCost !== ARGON2ID.timeCost ||
    parameters.parallelism !== ARGON2ID.parallelism
  );
}

/** The parameters of a well-formed argon2id hash within sane bounds (a hostile row must not cost 4 GiB). */
function argon2Parameters(
  encoded: string,
): { memoryCost: number; timeCost: number; parallelism: number } | null {
  if (!encoded.startsWith('$argon2id$')) return null;
  try {
    const parsed = parseOptions(encoded);
    const sane =
      parsed.algorithm === ALGORITHM_ARGON2ID &&
      parsed.version === VERSION_0X13 &&
      parsed.memoryCost >= 8 * 1024 &&
      parsed.memoryCost <= 256 * 1024 &&
      parsed.timeCost >= 1 &&
      parsed.timeCost <= 10 &&
      parsed.parallelism >= 1 &&
      parsed.parallelism <= 4 &&
      parsed.saltLen >= 16 &&
      parsed.outputLen >= 16;
    return sane ? parsed : null;
  } catch {
    return null;
  }
}

interface ScryptHash {
  log2N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/** An earlier scrypt hash: scrypt$<log2N>$<r>$<p>$<salt b64>$<hash b64>. */
function parseScrypt(encoded: string): ScryptHash | null {
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

function scryptOptions({ log2N, r, p }: ScryptHash): crypto.ScryptOptions {
  // scrypt needs about 128 * N * r bytes; leave headroom above Node's 32 MiB default.
  return { N: 2 ** log2N, r, p, maxmem: 256 * 2 ** log2N * r + 1024 * 1024 };
}
