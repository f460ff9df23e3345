// The first screen is done once storage has opened, the page's code has arrived and its early reads have
// settled; a storage that never opens holds nothing back for longer than the cap.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoldfastDatabase } from '../../storage';
import { appStore, initialState } from '../store/app-store';
import { readEarly, resetEarlyReads } from './early-reads';
import { firstScreenSettled } from './first-screen';

const db = {} as HoldfastDatabase;

beforeEach(() => {
  resetEarlyReads();
  appStore.setState(initialState);
  vi.stubGlobal('location', { pathname: '/permits' });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('firstScreenSettled', () => {
  it('waits for storage and the early reads it starts', async () => {
    let finish: () => void = () => undefined;
    readEarly('/permits', 'first', () => new Promise<void>((resolve) => (finish = resolve)));
    let done = false;
    void firstScreenSettled(true, 60_000).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false); // storage still opening

    appStore.getState().set({ storage: { state: 'ready', db, deviceId: 'd', wiped: false } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false); // the page's first rows are still being read

    finish();
    await vi.waitFor(() => expect(done).toBe(true));
  });

  it('a public page waits for nothing but its code; storage that never opens waits only for the cap', async () => {
    await expect(firstScreenSettled(false, 60_000)).resolves.toBeUndefined();
    vi.useFakeTimers();
    let done = false;
    void firstScreenSettled(true, 1000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
