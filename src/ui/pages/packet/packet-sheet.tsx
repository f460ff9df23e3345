// One sheet of the outage packet: a printed page that starts on a new page, headed by its section title,
// the packet's code with the page number, and the page's QR code (qrPayload: document, version, page).
import type { ComponentChildren } from 'preact';
import { qrPayload } from '../../print/print-codes';
import { QrCode } from '../../print/qr-code';
import type { PacketT } from './messages';

export function PacketSheet({
  t,
  code,
  page,
  title,
  section,
  sectionTitle,
  pages = 1,
  children,
}: {
  t: PacketT;
  code: string;
  page: number;
  title: string;
  section: string;
  /** The section's name, above the sheet's own title. */
  sectionTitle: string;
  /** Two for a sheet that takes two pages: its end carries the second page's code and QR code. */
  pages?: 1 | 2;
  children: ComponentChildren;
}) {
  return (
    <section class="packet-sheet" data-page={page} data-pages={pages} data-section={section}>
      <header class="packet-sheet-head">
        <p class="packet-sheet-section">{sectionTitle}</p>
        <h2>{title}</h2>
        <p class="packet-sheet-code">
          {code} · {t('packet.sheet.page', { page })}
        </p>
        <QrCode text={qrPayload(code, page)} label={t('packet.sheet.qr', { code, page })} />
      </header>
      {children}
      {pages === 2 && (
        <footer class="packet-sheet-foot">
          <p class="packet-sheet-code">
            {code} · {t('packet.sheet.page', { page: page + 1 })}
          </p>
          <QrCode text={qrPayload(code, page + 1)} label={t('packet.sheet.qr', { code, page: page + 1 })} />
        </footer>
      )}
    </section>
  );
}
