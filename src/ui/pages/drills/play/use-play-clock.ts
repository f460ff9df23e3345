// The timers of the play screens: the scenario clock's label moves once a second while the page is
// visible and the clock runs (one interval for the whole page, never one per row), and a player's device
// sets one timeout for the next inject due by the clock (msUntilNextRelease), so an inject appears at its
// scenario time, offline too, hidden tab included, without polling.
import { useEffect, useReducer, useState } from 'preact/hooks';
import type { ClockFields, InjectLike } from '../../../../domain/drills/drill-rules';
import { msUntilNextRelease } from '../../../../domain/drills/drill-rules';

const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';

/** Re-renders once a second while `active` and the page is visible. */
export function useSecondTick(active: boolean): void {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const [shown, setShown] = useState(visible);
  useEffect(() => {
    const onVisibility = () => {
      setShown(visible());
      tick(0); // catch up at once when the page comes back
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);
  useEffect(() => {
    if (!active || !shown) return;
    const timer = setInterval(() => tick(0), 1_000);
    return () => clearInterval(timer);
  }, [active, shown]);
}

/**
 * Re-renders when the next of `injects` is due by the clock. Keyed by the clock and the injects' minutes,
 * so a synced clock change or a new inject sets the timer again; each firing re-renders, which sets the
 * one after.
 */
export function useReleaseTimer(clock: ClockFields, injects: readonly InjectLike[]): void {
  const [fired, bump] = useReducer((n: number) => n + 1, 0);
  const minutes = injects
    .map((inject) => inject.scenarioMinute)
    .sort((a, b) => a - b)
    .join(',');
  const { clockState, clockAnchorAt, clockScenarioMinutes, clockSpeed } = clock;
  useEffect(() => {
    const ms = msUntilNextRelease(clock, injects, new Date().toISOString());
    if (ms === null) return;
    // At least a few milliseconds, so a due inject is rendered after its minute, never just before it.
    const timer = setTimeout(() => bump(0), Math.max(ms, 0) + 5);
    return () => clearTimeout(timer);
  }, [clockState, clockAnchorAt, clockScenarioMinutes, clockSpeed, minutes, fired]);
}
