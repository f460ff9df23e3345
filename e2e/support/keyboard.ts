// Walks the page with the Tab key and reports what received focus, to prove everything is keyboard-reachable.
import type { Page } from 'playwright-core';

export async function tabStops(page: Page, max = 80): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
    });
    if (label === null) continue;
    if (stops.length > 0 && stops[0] === label && i > 1) break; // wrapped around
    stops.push(label);
  }
  return stops;
}
