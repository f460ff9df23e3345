// A player's device sets one setTimeout for the next inject due; an inject further out than a timer can
// hold (2^31 - 1 ms) must not make the timer fire at once and loop.
import { describe, expect, it } from 'vitest';
import { msUntilNextRelease, type ClockFields } from './drill-rules';

const MAX_TIMER_MS = 2 ** 31 - 1;

describe('the next release fits in one timer', () => {
  it('never asks for a delay setTimeout cannot hold', () => {
    const clock: ClockFields = {
      clockState: 'running',
      clockAnchorAt: '2026-03-02T09:00:00.000Z',
      clockScenarioMinutes: 0,
      clockSpeed: 1,
    };
    // A 30-day outage scenario whose last inject is on day 30 (T+720:00).
    const ms = msUntilNextRelease(
      clock,
      [{ id: 'x', scenarioMinute: 43_200, players: [] }],
      clock.clockAnchorAt!,
    );
    expect(ms).not.toBeNull();
    expect(ms!).toBeLessThanOrEqual(MAX_TIMER_MS);
  });
});
