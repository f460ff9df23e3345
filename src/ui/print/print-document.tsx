// The print layout every area reuses: a screen toolbar with the Print button, the document's header
// block (title, stamp, document code and the QR code of its first page) and, on paper, a running header
// and footer on every page (title, code, "data as of", device, "page N of M") drawn as @page margin boxes.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { readPrintStamp } from '../../storage/print-queries';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../format/format-date-time';
import { useLiveQuery } from '../hooks/use-live-query';
import { useAreaT } from '../i18n/use-t';
import { useAppStore } from '../store/use-app-store';
import { useDatabase } from '../sync/use-sync-facts';
import { printMessages, type PrintT } from './messages';
import { deviceCode, qrPayload } from './print-codes';
import { QrCode } from './qr-code';
import { usePageRules } from './use-page-rules';
import './print.css';

export interface PrintDocumentProps {
  /** The document's name on every page and in the tab title, e.g. "Permit card BP-2026-0042". */
  title: string;
  /** The short code printed on every page, for keying a paper copy back in (see documentCode). */
  code: string;
  /** The on-screen heading; defaults to the title. */
  heading?: ComponentChildren;
  /** Lines under the heading (what the document is about). */
  intro?: ComponentChildren;
  /** Portrait unless the document is a wide table. */
  orientation?: 'portrait' | 'landscape';
  /**
   * The page number as each page prints it, with "{page}" and "{pages}" left in for the page rules
   * ("ICS 214, page {page} of {pages}"); "Page {page} of {pages}" when absent.
   */
  pageOf?: string;
  /** Called when the Print button is pressed, before the browser's print dialog opens. */
  onPrint?: () => void;
  children: ComponentChildren;
}

/** "Data as of <time>" and the device, as every page says them. */
export function useStampTexts(t: PrintT): { asOf: string; device: string; deviceFull: string } {
  const db = useDatabase();
  const storeDeviceId = useAppStore((state) =>
    state.storage.state === 'ready' ? state.storage.deviceId : null,
  );
  const stamp = useLiveQuery(() => (db ? readPrintStamp(db) : undefined), [db]);
  const deviceId = storeDeviceId ?? stamp?.deviceId ?? null;
  const code = deviceCode(deviceId) || t('print.deviceUnknown');
  return {
    asOf: stamp?.lastSyncAt
      ? t('print.dataAsOf', { time: formatDateTime(stamp.lastSyncAt, t.language) })
      : t('print.neverSynced'),
    device: t('print.device', { code }),
    deviceFull: t('print.deviceFull', { code, id: deviceId ?? t('print.deviceUnknown') }),
  };
}

export function PrintDocument({
  title,
  code,
  heading,
  intro,
  orientation,
  pageOf,
  onPrint,
  children,
}: PrintDocumentProps) {
  const t = useAreaT(printMessages);
  const stamp = useStampTexts(t);
  usePageRules({
    title,
    code,
    stamp: `${stamp.asOf} · ${stamp.device}`,
    pageOf: pageOf ?? t('print.pageOf', { page: '{page}', pages: '{pages}' }),
    orientation,
  });

  useEffect(() => {
    document.documentElement.classList.add('printing-document');
    return () => document.documentElement.classList.remove('printing-document');
  }, []);

  return (
    <article class="print-document" data-document-code={code}>
      <div class="print-toolbar">
        <button
          type="button"
          class="button"
          onClick={() => {
            onPrint?.();
            window.print();
          }}
        >
          {t('print.button')}
        </button>
        <p class="muted">{t('print.hint')}</p>
      </div>
      <header class="print-head">
        <div class="print-head-text">
          <PageHeading title={title}>{heading ?? title}</PageHeading>
          {intro}
          <p class="print-stamp">
            <span>{stamp.asOf}</span> · <span>{stamp.deviceFull}</span>
          </p>
        </div>
        <div class="print-code-box">
          <span class="print-code-label">{t('print.documentCode')}</span>
          <strong class="print-code">{code}</strong>
          {/* The first page's QR code (qrPayload); later pages carry the code in the running header. */}
          <QrCode text={qrPayload(code, 1)} label={t('print.qrLabel', { code, page: 1 })} />
        </div>
      </header>
      {children}
    </article>
  );
}

/** The screen's placeholder while a print view reads its data, or its "not on this device" page. */
export function PrintStatus({ state }: { state: 'loading' | 'missing' }) {
  const t = useAreaT(printMessages);
  return state === 'loading' ? (
    <p class="muted">{t('print.loading')}</p>
  ) : (
    <>
      <PageHeading title={t('print.button')}>{t('print.button')}</PageHeading>
      <p class="empty-state">{t('print.notFound')}</p>
    </>
  );
}
