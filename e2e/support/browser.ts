// Launches Debian's Chromium through playwright-core with the flags this closed network needs.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from './paths';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** The moment every browser test pretends it is, so nothing depends on the real date. */
export const PINNED_TIME = new Date('2026-03-02T09:30:00Z');

export async function newContext(
  browser: Browser,
  baseURL: string,
  locale = 'en-US',
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale, serviceWorkers: 'allow' });
  await context.clock.install({ time: PINNED_TIME });
  return context;
}
