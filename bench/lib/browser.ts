// Headless Chromium (Debian's, with e2e/support/browser.ts's flags) on the built app's origin, with the
// bench bundle evaluated in the page. No fake clock here: the bench needs real time.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../e2e/support/browser';
import type { HoldfastBench } from '../browser/entry';

export { launchBrowser };

export interface BenchPage {
  page: Page;
  cdp: CDPSession;
  /** Runs one of the bundle's functions in the page. */
  call<K extends keyof HoldfastBench>(
    name: K,
    ...args: Parameters<HoldfastBench[K]>
  ): Promise<Awaited<ReturnType<HoldfastBench[K]>>>;
  close(): Promise<void>;
}

export function newBenchContext(browser: Browser, origin: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL: origin, serviceWorkers: 'allow' });
}

/** Loads the app (signed out, so it stays idle), lets it settle, then evaluates the bench bundle. */
export async function openBenchPage(context: BrowserContext, bundle: string): Promise<BenchPage> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto('/', { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  // page.evaluate goes through the DevTools protocol, so the app's strict CSP does not apply to it.
  await page.evaluate(bundle);
  const cdp = await context.newCDPSession(page);
  return {
    page,
    cdp,
    call: (name, ...args) =>
      page.evaluate(
        ([fn, fnArgs]) => {
          const bench = (
            globalThis as unknown as { holdfastBench: Record<string, (...a: unknown[]) => unknown> }
          ).holdfastBench;
          return bench[fn]!(...fnArgs);
        },
        [name, args] as [string, unknown[]],
      ) as never,
    close: async () => {
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
  };
}

export interface HeapSampler {
  /** Highest used JS heap seen since start, bytes. */
  stop(): Promise<{ peak: number; samples: number }>;
}

/** Samples the page's used JS heap (CDP Runtime.getHeapUsage) every `intervalMs` until stopped. */
export function sampleHeap(cdp: CDPSession, intervalMs = 50): HeapSampler {
  let peak = 0;
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      peak = Math.max(peak, usage.usedSize);
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { peak, samples };
    },
  };
}

/** Used JS heap after a full garbage collection, bytes. */
export async function settledHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}
