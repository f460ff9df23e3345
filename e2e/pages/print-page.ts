// Page model: a print view (permit card, inspection sheet, blank forms, route sheet) and its PDF.
import type { Locator, Page } from 'playwright-core';
import { renderPdf, type RenderedPdf } from '../support/pdf';

export class PrintPage {
  constructor(readonly page: Page) {}

  /** Opens a print route directly (as a bookmark or a link from another page would). */
  async goto(path: string, heading?: string | RegExp): Promise<void> {
    await this.page.goto(path);
    await this.heading(heading).waitFor();
    await this.page
      .getByText(/^(Data as of|Datos al|Data as of: never|Datos: nunca)/)
      .first()
      .waitFor();
    await this.printModeReady();
  }

  /**
   * The print view installs its page rules (running header, page numbers) and print mode in an effect,
   * after its content is on screen: a PDF made before that has neither.
   */
  async printModeReady(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        document.documentElement.classList.contains('printing-document') &&
        document.adoptedStyleSheets.length > 0,
    );
  }

  heading(name?: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  }

  printButton(): Locator {
    return this.page.getByRole('button', { name: /^(Print|Imprimir)$/ });
  }

  /** Clicks Print with the browser's print dialog replaced by a counter; resolves to the call count. */
  async clickPrint(): Promise<number> {
    await this.page.evaluate(() => {
      const w = window as unknown as { print: () => void; printCalls: number };
      w.printCalls = 0;
      w.print = () => {
        w.printCalls += 1;
      };
    });
    await this.printButton().click();
    return this.page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);
  }

  async language(language: 'en' | 'es'): Promise<void> {
    await this.page.getByRole('combobox', { name: /^(Language|Idioma)/ }).selectOption(language);
    await this.printButton()
      .getByText(language === 'es' ? 'Imprimir' : 'Print', { exact: true })
      .waitFor();
  }

  async pdf(): Promise<RenderedPdf> {
    await this.printModeReady();
    return renderPdf(this.page);
  }

  /** Heights in millimetres of the write-on lines, measured as the page prints. */
  async writeLineHeightsMm(): Promise<number[]> {
    await this.page.emulateMedia({ media: 'print' });
    try {
      return await this.page
        .locator('.write-rule')
        .evaluateAll((rules) => rules.map((rule) => (rule.getBoundingClientRect().height * 25.4) / 96));
    } finally {
      await this.page.emulateMedia({ media: null });
    }
  }

  /** The empty tick boxes of the form, each as [width, height] in millimetres in print media. */
  async tickBoxSizesMm(): Promise<[number, number][]> {
    await this.page.emulateMedia({ media: 'print' });
    try {
      return await this.page.locator('.tick-box').evaluateAll((boxes) =>
        boxes.map((box) => {
          const rect = box.getBoundingClientRect();
          return [(rect.width * 25.4) / 96, (rect.height * 25.4) / 96] as [number, number];
        }),
      );
    } finally {
      await this.page.emulateMedia({ media: null });
    }
  }
}
