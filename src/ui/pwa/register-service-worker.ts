// Registers /sw.js in production builds and offers the waiting worker as an update; the user decides
// when to switch (no automatic skipWaiting), then the page reloads once the new worker controls it.
import { SW_SKIP_WAITING } from '../../protocol/service-worker';
import { appStore } from '../store/app-store';
import { t } from '../i18n/t';

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Loaded on demand so workbox-window stays out of the first-screen bundle.
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  let registration: ServiceWorkerRegistration | undefined;
  let reloading = false;

  const applyUpdate = () => {
    wb.addEventListener('controlling', () => {
      if (reloading) return;
      reloading = true;
      window.location.reload();
    });
    registration?.waiting?.postMessage({ type: SW_SKIP_WAITING });
  };

  // Also fires for a worker that was already waiting when this page loaded.
  wb.addEventListener('waiting', () => {
    appStore.getState().announce(t('update.announce'));
    appStore.getState().set({ applyUpdate });
  });
  try {
    registration = await wb.register();
  } catch (error) {
    console.warn('Service worker registration failed', error);
  }
}
