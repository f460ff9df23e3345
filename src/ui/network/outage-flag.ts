// The device's "Practice offline (simulated outage)" switch, kept in localStorage so it survives a reload
// and is read before the sync engine starts. Per device (per browser profile), never synced.

export const SIMULATED_OUTAGE_KEY = 'holdfast.simulatedOutage';

/** Whether the switch is on; false where localStorage is missing or refused. */
export function readOutageFlag(): boolean {
  try {
    return globalThis.localStorage?.getItem(SIMULATED_OUTAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

export function writeOutageFlag(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(SIMULATED_OUTAGE_KEY, 'on');
    else globalThis.localStorage?.removeItem(SIMULATED_OUTAGE_KEY);
  } catch {
    // Private mode or a full quota: the switch still holds for this tab.
  }
}
