// Tracks online / offline / server unreachable: browser events plus a health check at start, on
// `online` and every 30 s (a failed check or a 5xx means unreachable). A simulated outage (an exercise's
// "Practice offline") counts as offline and asks the server nothing.
import { api } from '../api/endpoints';
import { appStore, type NetworkState } from '../store/app-store';
import { t } from '../i18n/t';
import type { MessageKey } from '../i18n/en';
import { readOutageFlag, SIMULATED_OUTAGE_KEY } from './outage-flag';

const CHECK_INTERVAL_MS = 30_000;
const CHECK_TIMEOUT_MS = 8_000;

const announcements: Record<NetworkState, MessageKey> = {
  online: 'network.announceOnline',
  offline: 'network.announceOffline',
  unreachable: 'network.announceUnreachable',
};

function update(next: NetworkState): void {
  const { network, set, announce } = appStore.getState();
  if (network === next) return;
  set({ network: next });
  announce(t(announcements[next]));
}

let checking: Promise<void> | null = null;

/** Asks the server whether it is there; overlapping calls share one request. */
export function checkServer(): Promise<void> {
  if (!navigator.onLine || appStore.getState().simulatedOutage) {
    update('offline');
    return Promise.resolve();
  }
  checking ??= api
    .health(AbortSignal.timeout(CHECK_TIMEOUT_MS))
    .then(
      () => update('online'),
      () => update(navigator.onLine ? 'unreachable' : 'offline'),
    )
    .finally(() => {
      checking = null;
    });
  return checking;
}

export function startNetworkMonitor(): () => void {
  // Start from the browser's view without announcing it: the indicator shows it anyway.
  const simulated = appStore.getState().simulatedOutage;
  appStore.getState().set({ network: navigator.onLine && !simulated ? 'online' : 'offline' });
  const onOnline = () => void checkServer();
  const onOffline = () => update('offline');
  // Another tab turned the simulated outage on or off: this tab follows.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== SIMULATED_OUTAGE_KEY) return;
    const on = readOutageFlag();
    if (on === appStore.getState().simulatedOutage) return;
    appStore.getState().set({ simulatedOutage: on, ...(on ? { network: 'offline' as const } : {}) });
    if (!on) void checkServer();
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  window.addEventListener('storage', onStorage);
  const timer = setInterval(() => void checkServer(), CHECK_INTERVAL_MS);
  void checkServer();
  return () => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('storage', onStorage);
    clearInterval(timer);
  };
}
