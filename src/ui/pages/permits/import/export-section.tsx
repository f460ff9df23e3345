// Export: every permit on the device as CSV with Holdfast's columns or BLDS column names, read a page at a
// time from the index and handed to a Blob as parts, so 100,000 permits never become one giant string.
import { useState } from 'preact/hooks';
import {
  csvHeader,
  csvRows,
  exportFileName,
  type ExportFormat,
} from '../../../../domain/permits/export/csv-export';
import { readPermitPage, selectPermits } from '../../../../storage/permit-queries';
import type { HoldfastDatabase } from '../../../../storage';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAppStore } from '../../../store/use-app-store';
import { localToday } from '../permit-helpers';
import { downloadBlob } from './import-helpers';
import type { ImportT } from './messages';

const PAGE = 1_000;

export async function exportPermits(
  db: HoldfastDatabase,
  format: ExportFormat,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ blob: Blob; count: number }> {
  const selection = await selectPermits(db, {});
  const parts: string[] = [csvHeader(format)];
  let count = 0;
  for (let offset = 0; offset < selection.count; offset += PAGE) {
    const rows = await readPermitPage(db, selection, offset, PAGE);
    if (rows.length === 0) break;
    parts.push(csvRows(format, rows));
    count += rows.length;
    onProgress(count, selection.count);
  }
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), count };
}

export function ExportSection({ t, db }: { t: ImportT; db: HoldfastDatabase }) {
  const announce = useAppStore((state) => state.announce);
  const selection = useLiveQuery(() => selectPermits(db, {}), [db]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const run = async (format: ExportFormat) => {
    setProgress({ done: 0, total: selection?.count ?? 0 });
    try {
      const { blob, count } = await exportPermits(db, format, (done, total) => setProgress({ done, total }));
      const name = exportFileName(format, localToday());
      downloadBlob(name, blob);
      announce(t('permitsImport.exported', { count, name }));
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('permitsImport.exportHeading')}</h2>
      {selection && <p>{t('permitsImport.exportIntro', { count: selection.count })}</p>}
      <p class="field-hint" id="export-blds-hint">
        {t('permitsImport.exportBldsHint')}
      </p>
      <div class="button-row">
        <button
          type="button"
          class="button button-secondary"
          disabled={!!progress}
          onClick={() => void run('holdfast')}
        >
          {t('permitsImport.exportHoldfast')}
        </button>
        <button
          type="button"
          class="button button-secondary"
          disabled={!!progress}
          aria-describedby="export-blds-hint"
          onClick={() => void run('blds')}
        >
          {t('permitsImport.exportBlds')}
        </button>
      </div>
      {progress && (
        <p>
          <label for="export-progress">{t('permitsImport.exporting', progress)}</label>{' '}
          <progress id="export-progress" max={progress.total || 1} value={progress.done} />
        </p>
      )}
    </section>
  );
}
