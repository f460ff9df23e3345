// Issue 7, acceptance 5: the QR code on a printed page decodes to the document, version and page. The QR
// code of a packet sheet and of an ordinary print view's first page are screenshot in print media (as
// they print), decoded with jsQR, and read back with parseQrPayload.
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PacketPage } from './pages/packet-page';
import { PrintPage } from './pages/print-page';
import { SyncBar } from './pages/sync-bar';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';

/** The payload as docs/outage-packet.md defines it: "HOLDFAST|<code>-v<version>|p<page>". */
function parseQrPayload(text: string) {
  const match = /^HOLDFAST\|(([A-Z0-9-]+?)-v(\d+))\|p(\d+)$/.exec(text);
  return match
    ? { code: match[1], document: match[2], version: Number(match[3]), page: Number(match[4]) }
    : null;
}

function decode(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const data = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(data, image.width, image.height)?.data ?? null;
}

describe('QR codes on printed pages', () => {
  let server: TestServer;
  let browser: Browser;
  let rita: Device;

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'rita', password: PASSWORD, role: 'manager', departments: ['public-works'] });
    browser = await launchBrowser();
    rita = await signedInDevice(browser, server, 'rita', PASSWORD);
    await new SyncBar(rita.page).syncNow();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a packet sheet’s QR code names the packet, its version and the page', async () => {
    const packet = new PacketPage(rita.page);
    await packet.open();
    await packet.make();
    const code = await packet.code();
    const sheets = await packet.sheetPages();
    // The cover, a sheet in the middle, the last sheet, and the second page of a two-page blank form.
    const form = sheets.find((sheet) => sheet.pages === 2)!;
    for (const page of [1, sheets[2]!.page, sheets[sheets.length - 1]!.page, form.page + 1]) {
      const text = decode(await packet.printScreenshot(packet.qr(page)));
      expect(text, `page ${page}`).toBe(`HOLDFAST|${code}|p${page}`);
      expect(parseQrPayload(text!)).toEqual({
        code,
        document: code.replace(/-v1$/, ''),
        version: 1,
        page,
      });
    }
  });

  it('an ordinary print view carries the QR code of its first page', async () => {
    const print = new PrintPage(rita.page);
    await print.goto('/incidents/print/blank-213', 'ICS 213 General Message (paper form)');
    const qr = rita.page.locator('.print-head .print-qr');
    await rita.page.emulateMedia({ media: 'print' });
    const png = await qr.screenshot();
    await rita.page.emulateMedia({ media: null });
    expect(parseQrPayload(decode(png) ?? '')).toEqual({
      code: 'ICS213-PAPER-v1',
      document: 'ICS213-PAPER',
      version: 1,
      page: 1,
    });
  });
});
