// The Node half of BENCH_PROFILE (see profile.ts): where the profiles go, and the ProfileLoad the figures
// get from run.ts — null when BENCH_PROFILE is not set, so a normal run profiles nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
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

export function benchProfiler(dir = process.env.BENCH_PROFILE): ProfileLoad | null {
  if (!dir) return null;
  const out = isAbsolute(dir) ? dir : join(ROOT, dir);
  mkdirSync(out, { recursive: true });
  return async (page, name, selector, load) => {
    if (process.env.BENCH_TRACE) {
      // One more load, traced (bench/README.md): every process and thread, not only the page's JavaScript.
      const browser = page.context().browser();
      if (!browser) throw new Error('BENCH_TRACE: the page has no browser to trace');
      await browser.startTracing(page, {
        path: join(out, `${name}.trace.json`),
        categories: TRACE_CATEGORIES,
      });
      try {
        await load();
        await page.waitForSelector(selector, { state: 'attached', timeout: 60_000 });
      } finally {
        await browser.stopTracing();
      }
      await settleBeforeNextLoad(page);
    }
    const profile = await captureProfile(page, selector, load);
    const file = join(out, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return profileNote(name, summarise(profile), file);
  };
}
