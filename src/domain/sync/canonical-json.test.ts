import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { isJsonValue, jsonEqual } from './json-value';
import { deterministicUuid, isRecordId } from './record-id';
import { sha256Hex } from './sha256';

async function subtleHex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('writes equal values as equal text whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: [true, null] })).toBe(canonicalJson({ y: [true, null], x: 1 }));
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('jsonEqual and isJsonValue', () => {
  it('compares structure, not key order', () => {
    expect(jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual(null, undefined)).toBe(false);
  });

  it('accepts JSON and refuses everything else', () => {
    expect(isJsonValue({ a: [1, 'x', null, { b: false }] })).toBe(true);
    expect(isJsonValue({ a: new Date() })).toBe(false);
    expect(isJsonValue({ a: Number.POSITIVE_INFINITY })).toBe(false);
    expect(isJsonValue({ a: undefined })).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(isJsonValue(deep)).toBe(false);
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each(['x', 'a'.repeat(55), 'b'.repeat(56), 'c'.repeat(64), 'ñandú 🚒 '.repeat(40)])(
    'agrees with crypto.subtle at length %#',
    async (text) => {
      expect(sha256Hex(text)).toBe(await subtleHex(text));
    },
  );

  it('agrees with crypto.subtle one call after another, whatever the call before left in its buffers', async () => {
    // Lengths around the block and padding boundaries, long before short, ASCII before and after UTF-8.
    const texts: string[] = [];
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 3, 200, 2])
      texts.push('k'.repeat(n), `é${'z'.repeat(n)}`, `${'q'.repeat(n)}🚒`);
    for (const text of texts) expect(sha256Hex(text), `length ${text.length}`).toBe(await subtleHex(text));
  });

  it.each([
    ['3 bytes a unit', '中'.repeat(200)],
    ['lone surrogates (3 bytes each as U+FFFD)', '\ud800'.repeat(200)],
    ['longer than the kept buffer', '中'.repeat(30_000)],
  ])('agrees with crypto.subtle on text that needs the most bytes per unit: %s', async (_, text) => {
    expect(sha256Hex(text)).toBe(await subtleHex(text));
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('deterministicUuid', () => {
  it('gives the same valid UUIDv8 for the same parts and different ones otherwise', () => {
    const a = deterministicUuid('conflict', 'device-a', 7, 'title');
    expect(a).toBe(deterministicUuid('conflict', 'device-a', 7, 'title'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isRecordId(a)).toBe(true);
    expect(deterministicUuid('conflict', 'device-a', 7, 'body')).not.toBe(a);
    expect(deterministicUuid('conflict', 'device-a7', '', 'title')).not.toBe(a);
  });
});
