// The app shell: header, banners, routed main content, footer (once there is a page) and the live region. A public page (sign-in,
// setup) shows at once, in the public shell: it needs neither storage nor a session. Every other page
// waits until storage is open and the signed-in shell's chunk has arrived, showing the header and the
// storage status meanwhile; the cached user is read from Dexie, so the app opens with no network.
import type { ComponentType } from 'preact';
import { ErrorBoundary, LocationProvider, useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadSignedInShell, startBackground } from './boot/background';
import { useT } from './i18n/use-t';
import { LoadFailedPage } from './pages/load-failed-page';
import { UpdatePrompt } from './pwa/update-prompt';
import { PUBLIC_PATHS, Routes } from './routes';
import { LiveRegion } from './shell/live-region';
import { SiteFooter } from './shell/site-footer';
import { SiteHeader } from './shell/site-header';
import { StorageGate } from './shell/storage-gate';
import type { StorageStatus } from './store/app-store';
import { useAppStore } from './store/use-app-store';

export function App() {
  return (
    <LocationProvider>
      <Shell />
    </LocationProvider>
  );
}

function Shell() {
  const t = useT();
  const { path } = useLocation();
  return (
    <>
      <a class="skip-link" href="#main">
        {t('shell.skipToMain')}
      </a>
      {PUBLIC_PATHS.includes(path) ? <PublicShell /> : <AppShell />}
      <LiveRegion />
    </>
  );
}

/** Calls `then` after the frame in which the element first has content (the routed page has painted). */
function afterFilled(element: HTMLElement, then: () => void): () => void {
  let frame = 0;
  const painted = () => {
    frame = requestAnimationFrame(() => setTimeout(then));
  };
  const observer = new MutationObserver(() => {
    observer.disconnect();
    painted();
  });
  if (element.firstChild) painted();
  else observer.observe(element, { childList: true });
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
}

/**
 * Sign-in and setup: the page at once; storage and the signed-in shell start loading once it has painted.
 * A storage problem (blocked, closed by an upgrade in another tab, failed) still shows instead of the page.
 */
function PublicShell() {
  const main = useRef<HTMLElement>(null);
  const storageProblem = useAppStore((state) => PROBLEMS.includes(state.storage.state));
  useEffect(() => afterFilled(main.current!, startBackground), []);
  return (
    <>
      <SiteHeader />
      <div class="banners">
        <UpdatePrompt />
      </div>
      <main id="main" tabIndex={-1} ref={main}>
        {storageProblem ? (
          <StorageGate />
        ) : (
          <ErrorBoundary onError={(error) => console.error(error)}>
            <Routes />
          </ErrorBoundary>
        )}
      </main>
      <SiteFooter />
    </>
  );
}

const PROBLEMS: readonly StorageStatus['state'][] = ['blocked', 'closed', 'failed'];

function AppShell() {
  const ready = useAppStore((state) => state.storage.state === 'ready');
  const [SignedInShell, setSignedInShell] = useState<ComponentType | 'failed' | null>(null);

  useEffect(() => {
    startBackground(); // already started at boot, unless the app was opened on a public page
    let cancelled = false;
    loadSignedInShell().then(
      (component) => !cancelled && setSignedInShell(() => component),
      () => !cancelled && setSignedInShell('failed'),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  if (ready && SignedInShell && SignedInShell !== 'failed') return <SignedInShell />;
  // No footer while loading: it would sit at the bottom of the screen, then jump when the page arrives.
  return (
    <>
      <SiteHeader />
      <div class="banners">
        <UpdatePrompt />
      </div>
      <main id="main" tabIndex={-1}>
        {ready && SignedInShell === 'failed' ? <LoadFailedPage /> : <StorageGate />}
      </main>
    </>
  );
}
