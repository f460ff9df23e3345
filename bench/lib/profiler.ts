// The Node half of BENCH_PROFILE (see profile.ts): where the profiles go, and the ProfileLoad the figures
// get from run.ts — null when BENCH_PROFILE is not set, so a normal run profiles nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../e2e/support/paths';
import { settleBeforeNextLoad } from './marks';
import { captureProfile, profileNote, summarise, type ProfileLoad } from './profile';

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.compile',
  'blink',
  'blink.user_timing',
  'loading',
  'navigation',
  'ServiceWorker',
  'CacheStorage',
];

const TRACED = 'holdfast-bench-traced';

/**
 * One more load, traced (bench/README.md): every process and thread, not only the page's JavaScript. The
 * end mark comes back as a console message from a script on the new document, as the figures' marks do
 * (marks.ts): waiting with waitForSelector would put Playwright's injected script into the trace.
 */
async function captureTrace(
  page: Page,
  file: string,
  selector: string,
  load: () => Promise<unknown>,
): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('BENCH_TRACE: the page has no browser to trace');
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Page.enable');
    const { identifier } = await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(${JSON.stringify(selector)})) return;
    observer.disconnect();
    console.debug(${JSON.stringify(TRACED)});
  });
  observer.observe(document, { childList: true, subtree: true });
})();`,
    });
    await browser.startTracing(page, { path: file, categories: TRACE_CATEGORIES });
    try {
      const marked = page.waitForEvent('console', {
        predicate: (message) => message.text() === TRACED,
        timeout: 60_000,
      });
      await load();
      await marked;
    } finally {
      await browser.stopTracing();
      await cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier });
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export function benchProfiler(dir = process.env.BENCH_PROFILE): ProfileLoad | null {
  if (!dir) return null;
  const out = isAbsolute(dir) ? dir : join(ROOT, dir);
  mkdirSync(out, { recursive: true });
  return async (page, name, selector, load) => {
    if (process.env.BENCH_TRACE) {
      await captureTrace(page, join(out, `${name}.trace.json`), selector, load);
      await settleBeforeNextLoad(page);
    }
    const profile = await captureProfile(page, selector, load);
    const file = join(out, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return profileNote(name, summarise(profile), file);
  };
}
