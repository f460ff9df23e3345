// Entry point: apply the language, render the shell at once, then open storage and check the network
// and session in the background (the app never waits for the network to show itself).
import { render } from 'preact';
import { App } from './ui/app';
import { startStorage } from './ui/boot/start-storage';
import { applyLanguage, initialLanguage } from './ui/i18n/language';
import { startNetworkMonitor } from './ui/network/network-monitor';
import { registerServiceWorker } from './ui/pwa/register-service-worker';
import { verifySession } from './ui/session/session';
import { appStore } from './ui/store/app-store';
import { startSync } from './ui/sync/sync-runtime';
import './ui/styles.css';

applyLanguage(initialLanguage());
render(<App />, document.getElementById('app')!);
startNetworkMonitor();
void registerServiceWorker();

void startStorage().then(async () => {
  if (appStore.getState().storage.state !== 'ready') return;
  await verifySession();
  const storage = appStore.getState().storage;
  if (storage.state === 'ready') startSync(storage.db);
  // A check that could not reach the server is repeated once the connection returns: one call per
  // reconnection, never a retry loop (a 401 is final until the user signs in).
  appStore.subscribe((state, previous) => {
    if (state.network === 'online' && previous.network !== 'online' && state.sessionCheck === 'unverified') {
      void verifySession();
    }
  });
});
