// How a page-load figure learns its marks (ms since navigation start, taken by an init script's
// MutationObserver) without touching the page while it loads. Browser-safe: the figure modules that
// import it are also bundled into the page, so only a type import here.
//
// The marks arrive as one console message the init script writes when its last mark is taken. Polling for
// them instead (page.waitForFunction) evaluated Playwright's injected script in the page during the very
// load being measured (about 10 ms of compile on the page's main thread, then a check every frame).
import type { Page } from 'playwright-core';

const MARKS_MESSAGE = 'holdfast-bench-marks';

/** The statement an init script runs when its marks are complete: `marks` is its marks object. */
export const REPORT_MARKS = `console.debug(${JSON.stringify(MARKS_MESSAGE)}, JSON.stringify(marks))`;

/** Runs `load` (a navigation of `page`) and returns the marks its init script reports. */
export async function marksOf<T>(page: Page, load: () => Promise<unknown>, timeoutMs = 60_000): Promise<T> {
  const reported = page.waitForEvent('console', {
    predicate: (message) => message.text().startsWith(`${MARKS_MESSAGE} `),
    timeout: timeoutMs,
  });
  await load();
  const message = await reported;
  return JSON.parse(message.text().slice(MARKS_MESSAGE.length + 1)) as T;
}

/**
 * Waits until the page the last measured load opened has finished what it does after its first screen
 * (session check, sync, the worker's registration): no request for 500 ms. The next measured load then
 * starts from an idle device, as a person opening a page does, instead of tearing that work down halfway
 * (the server still answering the abandoned page's pull and the database finishing its transactions,
 * on the same two cores as the new page).
 */
export async function settleBeforeNextLoad(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 30_000 });
}

/**
 * The two unmeasured loads before a page-load figure's runs, each followed by settleBeforeNextLoad. The
 * first after signing in starts the app's own sync (its first pull). Chrome writes its code cache for a
 * script when it runs for the second time, so by the end of the second load the page's scripts have one
 * (traced on the incident page: the load that wrote it produced 20 modules' code cache and sent 41 chunk
 * requests through the service worker, 280–310 ms, where the loads after it take 105–160 ms); a device
 * that has opened the app before has both. Their times go in the figure's note (warmNote).
 */
export async function warmUp<T>(page: Page, load: () => Promise<T>): Promise<T[]> {
  const marks: T[] = [];
  for (let i = 0; i < 2; i += 1) {
    marks.push(await load());
    await settleBeforeNextLoad(page);
  }
  return marks;
}

/** The note's words for the warm-up loads' times (ms since navigation start). */
export function warmNote(ms: number[]): string {
  return `after two unmeasured loads (${ms.map((v) => v.toFixed(0)).join(' and ')} ms: the first after signing in starts sync; by the end of the second Chrome has written its code cache for the page's scripts, which it does when a script runs for the second time)`;
}
