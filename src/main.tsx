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
import { preloadRoute } from './ui/boot/preload-route';
import './ui/styles.css';

async function boot(): Promise<void> {
  preloadRoute(location.pathname); // the page's code travels beside the language catalog
  if (!PUBLIC_PATHS.includes(location.pathname)) startBackground();
  // English is the fallback if the chosen language's catalog cannot be fetched.
  if (!(await applyLanguage(initialLanguage()))) await applyLanguage('en');
  render(<App />, document.getElementById('app')!);
  startNetworkMonitor();
  void registerServiceWorker();
}

void boot();
