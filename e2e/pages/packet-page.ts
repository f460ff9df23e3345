// Page model: the outage packet (/print/packet): its options, the assembled document and its PDF, and the
// QR code of one sheet rasterised as the page prints it.
import type { Locator, Page } from 'playwright-core';
import { PrintPage } from './print-page';

export class PacketPage extends PrintPage {
  constructor(page: Page) {
    super(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/print/packet');
    await this.makeButton().waitFor();
  }

  makeButton(): Locator {
    return this.page.getByRole('button', { name: /^(Make the packet|Preparar el paquete)$/ });
  }

  section(name: string | RegExp): Locator {
    return this.page.getByRole('checkbox', { name });
  }

  organization(): Locator {
    return this.page.getByLabel(/^(Organization name on the cover|Nombre de la organización)/);
  }

  /** Makes the packet and waits until the document is on screen with its print rules installed. */
  async make(): Promise<void> {
    await this.makeButton().click();
    await this.heading(/^(Outage packet|Paquete de contingencia)$/).waitFor();
    await this.page.locator('.packet-sheet').first().waitFor();
    await this.printModeReady();
  }

  /** The packet's document code, as the document carries it. */
  code(): Promise<string> {
    return this.page
      .locator('.print-document')
      .getAttribute('data-document-code')
      .then((c) => c ?? '');
  }

  /** Each sheet's first page and how many pages it takes, in document order. */
  sheetPages(): Promise<{ page: number; pages: number }[]> {
    return this.page.locator('.packet-sheet').evaluateAll((sheets) =>
      sheets.map((s) => ({
        page: Number(s.getAttribute('data-page')),
        pages: Number(s.getAttribute('data-pages')),
      })),
    );
  }

  /** The QR code printed on `page` (page 1: the document head's; a form's second page: its foot's). */
  qr(page: number): Locator {
    if (page === 1) return this.page.locator('.print-head .print-qr');
    const head = this.page.locator(`.packet-sheet[data-page="${page}"] .packet-sheet-head .print-qr`);
    const foot = this.page.locator(`.packet-sheet[data-page="${page - 1}"] .packet-sheet-foot .print-qr`);
    return head.or(foot);
  }

  /** Switches the language on the options screen (it has no Print button until the packet is made). */
  override async language(language: 'en' | 'es'): Promise<void> {
    await this.page.getByRole('combobox', { name: /^(Language|Idioma)/ }).selectOption(language);
    await this.page
      .getByRole('button', { name: language === 'es' ? 'Preparar el paquete' : 'Make the packet' })
      .waitFor();
  }

  /** A PNG of an element as it looks in print media, scaled up so each module is several pixels. */
  async printScreenshot(element: Locator): Promise<Buffer> {
    await this.page.emulateMedia({ media: 'print' });
    try {
      await element.scrollIntoViewIfNeeded();
      return await element.screenshot({ scale: 'device', animations: 'disabled' });
    } finally {
      await this.page.emulateMedia({ media: null });
    }
  }
}
