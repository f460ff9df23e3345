// Renders the page to PDF with Chromium's print engine (Letter, the page's own @page size and margins)
// and reads it back: the page count and each page's text, running header and footer included.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';

export interface RenderedPdf {
  pageCount: number;
  /** Text of each page, whitespace collapsed. */
  pages: string[];
  /** Each page's [width, height] in points (Letter portrait is [612, 792]). */
  sizes: [number, number][];
  bytes: Uint8Array;
}

let saved = 0;

/** E2E_PDF_DIR=<folder> keeps every rendered PDF there, to look at what the test checked. */
export async function renderPdf(page: Page): Promise<RenderedPdf> {
  const bytes = new Uint8Array(await page.pdf({ format: 'Letter', preferCSSPageSize: true }));
  const keep = process.env.E2E_PDF_DIR;
  if (keep) {
    mkdirSync(keep, { recursive: true });
    const name = new URL(page.url()).pathname.replace(/[^\w-]+/g, '_');
    writeFileSync(join(keep, `${String(++saved).padStart(2, '0')}${name}.pdf`), bytes);
  }
  // pdf.js may detach the buffer it is given: keep our own copy.
  const doc = await getDocumentProxy(bytes.slice());
  const { totalPages, text } = await extractText(doc, { mergePages: false });
  const sizes: [number, number][] = [];
  for (let i = 1; i <= totalPages; i++) {
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = (await doc.getPage(i)).view;
    sizes.push([Math.round(x1 - x0), Math.round(y1 - y0)]);
  }
  return { pageCount: totalPages, pages: text.map((t) => t.replace(/\s+/g, ' ').trim()), sizes, bytes };
}
