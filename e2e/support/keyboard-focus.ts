// Moves focus with the Tab key alone until a given element has it (fails if it is never reached).
import type { Locator, Page } from 'playwright-core';

export async function tabUntilFocused(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()} in ${max} presses`);
}
