// Entry point: ask the server who is signed in, load the user's language, render the shell; storage, the
// sync engine and the signed-in shell load beside it (the app never waits for the network to show itself,
// and a public page never waits for storage). See ui/boot/background.ts.
import { render } from 'preact';
import { App } from './ui/app';
import { applyLanguage, initialLanguage } from './ui/i18n/language';
import { startNetworkMonitor } from './ui/network/network-monitor';
import { registerServiceWorker } from './ui/pwa/register-service-worker';
import { PUBLIC_PATHS } from './ui/routes';
import { startBackground } from './ui/boot/background';
import { firstScreenSettled } from './ui/boot/first-screen';
import { preloadRoute } from './ui/boot/preload-route';
import './ui/styles.css';

async function boot(): Promise<void> {
  preloadRoute(location.pathname); // the page's code travels beside the language catalog
  const signedIn = !PUBLIC_PATHS.includes(location.pathname);
  if (signedIn) startBackground();
  // English is the fallback if the chosen language's catalog cannot be fetched.
  if (!(await applyLanguage(initialLanguage()))) await applyLanguage('en');
  render(<App />, document.getElementById('app')!);
  startNetworkMonitor();
  // Its code, and its messages with the worker, would compete with the page's own first reads and render.
  void firstScreenSettled(signedIn).then(registerServiceWorker);
}

void boot();
