// Synchronous SHA-256 of a UTF-8 string, for deriving ids inside pure mutators (crypto.subtle is async).
// Export checksums use crypto.subtle instead; the tests check both agree.
//
// An import derives several ids per permit (record-id.ts deterministicUuid), so this runs hundreds of
// thousands of times for a large file: it reuses its buffers, keeps the state in locals (no array per
// round) and encodes ASCII text without TextEncoder.

const primes = [...Array(312).keys()].filter(
  (n) => n > 1 && [...Array(n).keys()].slice(2).every((d) => n % d),
);
const frac32 = (x: number): number => Math.floor((x - Math.floor(x)) * 2 ** 32) >>> 0;
// FIPS 180-4 §4.2.2 and §5.3.3: fractional parts of the cube and square roots of the first primes.
const K = Int32Array.from(primes.slice(0, 64), (p) => frac32(Math.cbrt(p)));
const H0 = Int32Array.from(primes.slice(0, 8), (p) => frac32(Math.sqrt(p)));

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();
const w = new Int32Array(64);
const h = new Int32Array(8);
/** Kept between calls up to this size; a longer text gets a buffer of its own, let go after the call. */
const KEPT_BYTES = 64 * 1024;
let kept = new Uint8Array(256);

/** A buffer holding the message's bytes, with room for the padding, and the number of bytes. */
function encode(text: string): [Uint8Array, number] {
  // UTF-8 takes at most 3 bytes per UTF-16 unit (a lone surrogate becomes U+FFFD, 3 bytes); 72 more for
  // the padding and length.
  const room = text.length * 3 + 72;
  if (kept.length < room && room <= KEPT_BYTES) kept = new Uint8Array(Math.min(KEPT_BYTES, room * 2));
  const bytes = room <= kept.length ? kept : new Uint8Array(room);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return [bytes, encoder.encodeInto(text, bytes).written];
    bytes[i] = code;
  }
  return [bytes, text.length];
}

export function sha256Hex(text: string): string {
  const [bytes, length] = encode(text);
  // Padding (FIPS 180-4 §5.1.1): 0x80, zeros, then the length in bits as a 64-bit big-endian number.
  const total = (((length + 8) >> 6) + 1) << 6;
  bytes.fill(0, length, total);
  bytes[length] = 0x80;
  const high = Math.floor(length / 2 ** 29);
  const low = (length * 8) >>> 0;
  bytes[total - 8] = high >>> 24;
  bytes[total - 7] = high >>> 16;
  bytes[total - 6] = high >>> 8;
  bytes[total - 5] = high;
  bytes[total - 4] = low >>> 24;
  bytes[total - 3] = low >>> 16;
  bytes[total - 2] = low >>> 8;
  bytes[total - 1] = low;

  h.set(H0);
  for (let block = 0; block < total; block += 64) {
    for (let i = 0; i < 16; i++) {
      const at = block + i * 4;
      w[i] = (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let k = h[7]!;
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (k + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + k;
  }
  let hex = '';
  for (let i = 0; i < 8; i++) {
    const v = h[i]!;
    hex += HEX[(v >>> 24) & 0xff]! + HEX[(v >>> 16) & 0xff]! + HEX[(v >>> 8) & 0xff]! + HEX[v & 0xff]!;
  }
  return hex;
}
