// Pieces the tree print views share: reading the tree, a phone list in words, and links between views.
import { useRoute } from 'preact-iso';
import { readTreeSnapshot, type PhoneRow, type TreeSnapshot } from '../../../../storage/run-queries';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useDatabase } from '../../../sync/use-sync-facts';
import { phoneText } from '../runs/run-write';
import type { ContactPrintKey, ContactPrintT } from './messages';

/** The tree of the route's :id as it is now; undefined while loading, null when not on this device. */
export function useTreeSnapshot(): TreeSnapshot | null | undefined {
  const { params } = useRoute();
  const db = useDatabase();
  const treeId = params.id ?? '';
  return useLiveQuery(() => (db ? readTreeSnapshot(db, treeId) : undefined), [db, treeId]);
}

export function phonesInWords(t: ContactPrintT, phones: readonly PhoneRow[]): string {
  if (phones.length === 0) return t('contactPrint.noPhone');
  return phones
    .map((p) => `${phoneText(p.number)} (${t(`contactPrint.phone.${p.label}` as ContactPrintKey)})`)
    .join(', ');
}

export function TreePrintLinks({ t, treeId }: { t: ContactPrintT; treeId: string }) {
  return (
    <p class="print-toolbar-links">
      {t('contactPrint.links')}
      <a href={`/contacts/print/trees/${treeId}`}>{t('contactPrint.linkTree')}</a> ·{' '}
      <a href={`/contacts/print/trees/${treeId}/call-sheets`}>{t('contactPrint.linkSheets')}</a> ·{' '}
      <a href={`/contacts/print/trees/${treeId}/ics205a`}>{t('contactPrint.link205a')}</a>
    </p>
  );
}
