// The simulated outage switch is kept per device in localStorage and read safely where it is missing.
import { afterEach, describe, expect, it } from 'vitest';
import { readOutageFlag, SIMULATED_OUTAGE_KEY, writeOutageFlag } from './outage-flag';

const original = globalThis.localStorage;

function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

afterEach(() => {
  Object.defineProperty(globalThis, 'localStorage', { value: original, configurable: true, writable: true });
});

describe('outage flag', () => {
  it('is off by default, on after writing on, off again after writing off', () => {
    const storage = fakeStorage();
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true });
    expect(readOutageFlag()).toBe(false);
    writeOutageFlag(true);
    expect(storage.getItem(SIMULATED_OUTAGE_KEY)).toBe('on');
    expect(readOutageFlag()).toBe(true);
    writeOutageFlag(false);
    expect(storage.getItem(SIMULATED_OUTAGE_KEY)).toBeNull();
    expect(readOutageFlag()).toBe(false);
  });

  it('reads off and writes nothing where storage throws or is missing', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    Object.defineProperty(globalThis, 'localStorage', {
      value: throwing,
      configurable: true,
      writable: true,
    });
    expect(readOutageFlag()).toBe(false);
    expect(() => writeOutageFlag(true)).not.toThrow();
    Object.defineProperty(globalThis, 'localStorage', {
      value: undefined,
      configurable: true,
      writable: true,
    });
    expect(readOutageFlag()).toBe(false);
    expect(() => writeOutageFlag(false)).not.toThrow();
  });
});
