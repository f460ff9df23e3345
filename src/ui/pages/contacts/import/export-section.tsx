// vCard export: every contact on the device, or the list the person came from (its search and "needs
// checking" filter, passed in the link's query), as one .vcf file read a page at a time.
import { useState } from 'preact/hooks';
import { contactVCard, vcardFileName } from '../../../../domain/contacts/vcard';
import type { HoldfastDatabase } from '../../../../storage';
import { readContacts, selectContacts, type ContactFilter } from '../../../../storage/contact-queries';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAppStore } from '../../../store/use-app-store';
import { downloadBlob } from '../../permits/import/import-helpers';
import { localToday } from '../contact-values';
import { DEFAULT_CALLING_CODES } from '../phone-format';
import type { ContactsImportT } from './messages';

const PAGE = 500;

/** The cards of the contacts a filter selects (all of them without one), as one file. */
export async function exportVCards(
  db: HoldfastDatabase,
  filter: ContactFilter,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ blob: Blob; count: number }> {
  const { ids } = await selectContacts(db, { ...filter, callingCodes: DEFAULT_CALLING_CODES });
  const parts: string[] = [];
  let count = 0;
  for (let offset = 0; offset < ids.length; offset += PAGE) {
    const rows = await readContacts(db, ids, offset, PAGE);
    for (const row of rows) parts.push(contactVCard(row));
    count += rows.length;
    onProgress(Math.min(offset + PAGE, ids.length), ids.length);
  }
  return { blob: new Blob(parts, { type: 'text/vcard;charset=utf-8' }), count };
}

export function ExportSection(props: { t: ContactsImportT; db: HoldfastDatabase; filter: ContactFilter }) {
  const { t, db, filter } = props;
  const announce = useAppStore((state) => state.announce);
  const filtered = !!(filter.text || filter.verifiedBefore);
  const key = JSON.stringify(filter);
  const counts = useLiveQuery(
    async () => ({
      all: (await selectContacts(db, {})).ids.length,
      filtered: filtered
        ? (await selectContacts(db, { ...filter, callingCodes: DEFAULT_CALLING_CODES })).ids.length
        : null,
    }),
    [db, key],
  );
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const run = async (which: ContactFilter) => {
    setProgress({ done: 0, total: 0 });
    try {
      const { blob, count } = await exportVCards(db, which, (done, total) => setProgress({ done, total }));
      const name = vcardFileName(localToday());
      downloadBlob(name, blob);
      announce(t('contactsImport.exported', { count, name }));
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('contactsImport.exportHeading')}</h2>
      {counts && <p>{t('contactsImport.exportAll', { count: counts.all })}</p>}
      {counts && counts.filtered !== null && (
        <p>{t('contactsImport.exportFiltered', { count: counts.filtered })}</p>
      )}
      <div class="button-row">
        {filtered && (
          <button type="button" class="button" disabled={!!progress} onClick={() => void run(filter)}>
            {t('contactsImport.downloadFiltered')}
          </button>
        )}
        <button
          type="button"
          class="button button-secondary"
          disabled={!!progress}
          onClick={() => void run({})}
        >
          {t('contactsImport.downloadAll')}
        </button>
      </div>
      {progress && (
        <p>
          <label for="export-progress">{t('contactsImport.exporting', progress)}</label>{' '}
          <progress id="export-progress" max={progress.total || 1} value={progress.done} />
        </p>
      )}
    </section>
  );
}
