// A Bloom filter of record ids: "certainly not here" or "perhaps here", in a fixed bit array sized for the
// ids it is meant to hold. The batch write (write-batch.ts) asks it which of an import's ids it must read
// from the records store; an id it has never been given is never reported absent wrongly, so the write
// stays correct whatever the filter says, and only its speed depends on the few false "perhaps".

/** Bits per id expected: 16 with 3 probes gives about one false "perhaps" in 200. */
const BITS_PER_ID = 16;
const PROBES = 3;
const MIN_BITS = 1 << 13;
const MAX_BITS = 1 << 24;

export interface IdFilter {
  add(id: string): void;
  /** False only for an id never added. */
  mayHave(id: string): boolean;
}

/** Two 32-bit hashes of a string (FNV-1a, and the same with another seed and a final mix). */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  b ^= b >>> 15;
  b = Math.imul(b, 0x2c1b3c6d);
  b ^= b >>> 12;
  // An odd step, so the probes of one id never land on the same bit twice in a power-of-two array.
  return [a >>> 0, (b | 1) >>> 0];
}

export function idFilter(expectedIds: number): IdFilter {
  let bits = MIN_BITS;
  while (bits < expectedIds * BITS_PER_ID && bits < MAX_BITS) bits *= 2;
  const words = new Uint32Array(bits / 32);
  const mask = bits - 1;
  const probe = (id: string, set: boolean): boolean => {
    const [first, step] = hashes(id);
    for (let i = 0; i < PROBES; i++) {
      const bit = (first + i * step) & mask;
      const word = bit >>> 5;
      const flag = 1 << (bit & 31);
      if (set) words[word] = words[word]! | flag;
      else if ((words[word]! & flag) === 0) return false;
    }
    return true;
  };
  return {
    add: (id) => void probe(id, true),
    mayHave: (id) => probe(id, false),
  };
}
