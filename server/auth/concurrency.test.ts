// The hashing concurrency cap: never more than `max` at once, in call order, and failures free their slot.
import { describe, expect, it } from 'vitest';
import { limitConcurrency } from './concurrency';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('limitConcurrency', () => {
  it('runs at most max tasks at once, in call order, with tasks added while others run', async () => {
    const limited = limitConcurrency(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
      // Tasks added while the cap is full queue behind the ones already waiting.
      if (i < 3) void limited(task(100 + i));
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => limited(task(i))));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(started.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toHaveLength(9);
  });

  it('frees the slot of a task that fails', async () => {
    const limited = limitConcurrency(1);
    await expect(limited(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limited(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('refuses a cap below one', () => {
    expect(() => limitConcurrency(0)).toThrow();
  });
});
