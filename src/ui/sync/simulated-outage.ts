// Turns this device's simulated outage on or off ("Practice offline (simulated outage)" on an exercise's
// pages). On: the sync engine neither pushes nor pulls (it reads the switch before every request,
// sync-runtime.ts), the network counts as offline and everything keeps working from the device. Off: the
// server is asked again and whatever waited is sent. Kept per device across reloads (outage-flag.ts).
import { checkServer } from '../network/network-monitor';
import { writeOutageFlag } from '../network/outage-flag';
import { appStore } from '../store/app-store';
import { syncEngine } from './sync-runtime';

export function setSimulatedOutage(on: boolean): void {
  const { simulatedOutage, set } = appStore.getState();
  if (simulatedOutage === on) return;
  writeOutageFlag(on);
  set(on ? { simulatedOutage: true, network: 'offline' } : { simulatedOutage: false });
  if (on) {
    // The status line says why at once rather than after a failed attempt.
    void syncEngine()?.syncNow();
    return;
  }
  void checkServer().then(() => syncEngine()?.syncNow());
}
