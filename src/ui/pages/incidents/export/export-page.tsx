// /incidents/:id/export — an incident's activity logs for the records office, as CSV (one row per entry
// with its hashes) and JSON (incident, periods, header blocks, entries, each log's verification and final
// hash). The page verifies each log's chain on the device first and shows the result per log. The files
// are built from the device's records (domain/incidents/export.ts), so the export works offline; entries
// not yet confirmed by the server are marked provisional. An exercise's files say EXERCISE.
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { ChainReport } from '../../../../domain/incidents/chain';
import {
  exportFileName,
  incidentLogsCsv,
  incidentLogsJson,
  verifyLogChain,
  type IncidentExport,
} from '../../../../domain/incidents/export';
import { getIncidentRecords } from '../../../../storage/incident-print-queries';
import { PageHeading } from '../../../components/page-heading';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { ExerciseBadge } from '../exercise-badge';
import { exportMessages } from './messages';
import './export.css';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Today on the device's calendar, for the file name. */
function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Saves text as a file through a temporary object URL (no inline script, so the strict CSP allows it). */
function download(fileName: string, body: string, type: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function IncidentExportPage() {
  const t = useAreaT(exportMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const announce = useAppStore((state) => state.announce);
  const deviceId = useAppStore((state) => (state.storage.state === 'ready' ? state.storage.deviceId : null));
  const incidentId = params.id ?? '';
  const records = useLiveQuery(() => (db ? getIncidentRecords(db, incidentId) : undefined), [db, incidentId]);
  const [reports, setReports] = useState<ChainReport[] | null>(null);

  useEffect(() => {
    setReports(null);
    if (!records) return;
    let current = true;
    // The chain the server holds: entries this device has not yet sent have provisional links.
    void Promise.all(
      records.logs.map(({ entries }) => verifyLogChain(entries.filter((entry) => !entry.pending))),
    ).then((result) => {
      if (current) setReports(result);
    });
    return () => {
      current = false;
    };
  }, [records]);

  if (records === undefined) return <p class="muted">{t('incidentExport.verifying')}</p>;
  if (records === null)
    return (
      <>
        <PageHeading title={t('incidentExport.heading')}>{t('incidentExport.heading')}</PageHeading>
        <p class="empty-state">{t('incidentExport.notFound')}</p>
      </>
    );

  const { incident } = records;
  const exercise = incident.fields.exercise === true;
  const name = text(incident.fields.name);
  const pending = records.logs.reduce(
    (sum, { entries }) => sum + entries.filter((entry) => entry.pending).length,
    0,
  );

  const save = (format: 'csv' | 'json') => {
    if (!reports) return;
    const data: IncidentExport = {
      incident,
      periods: records.periods,
      logs: records.logs.map(({ log, entries }, i) => ({ log, entries, verification: reports[i]! })),
      exportedAt: new Date().toISOString(),
      deviceId,
    };
    const fileName = exportFileName(incident, format, localDay());
    if (format === 'csv') download(fileName, incidentLogsCsv(data), 'text/csv;charset=utf-8');
    else download(fileName, incidentLogsJson(data), 'application/json');
    announce(t('incidentExport.saved', { name: fileName }));
  };

  return (
    <>
      <PageHeading title={t('incidentExport.title', { name })}>
        {t('incidentExport.heading')} <ExerciseBadge exercise={exercise} />
      </PageHeading>
      <p>
        <strong>{name}</strong>
        {text(incident.fields.number) && <> ({text(incident.fields.number)})</>}
      </p>
      {exercise && (
        <p>
          <ExerciseBadge exercise long />
        </p>
      )}
      <p>{t('incidentExport.intro')}</p>

      <section aria-labelledby="export-logs-heading">
        <h2 id="export-logs-heading">{t('incidentExport.logs')}</h2>
        {records.logs.length === 0 ? (
          <p>{t('incidentExport.noLogs')}</p>
        ) : (
          <div class="table-scroll" role="region" aria-labelledby="export-logs-heading" tabIndex={0}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('incidentExport.col.log')}</th>
                  <th scope="col">{t('incidentExport.col.entries')}</th>
                  <th scope="col">{t('incidentExport.col.check')}</th>
                  <th scope="col">{t('incidentExport.col.finalHash')}</th>
                </tr>
              </thead>
              <tbody>
                {records.logs.map(({ log, entries }, i) => {
                  const report = reports?.[i];
                  return (
                    <tr key={log.id}>
                      <th scope="row">{text(log.fields.name)}</th>
                      <td>{entries.length}</td>
                      <td>
                        {!report
                          ? t('incidentExport.verifying')
                          : report.ok
                            ? t('incidentExport.verified')
                            : t('incidentExport.broken', {
                                number: report.broken?.seq ?? report.checked + 1,
                              })}
                      </td>
                      <td>
                        <code class="export-hash">{report?.headHash ?? ''}</code>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {pending > 0 && <p>{t('incidentExport.pending', { count: pending })}</p>}
      </section>

      <div class="button-row">
        <button type="button" class="button" disabled={!reports} onClick={() => save('csv')}>
          {t('incidentExport.csv')}
        </button>
        <button
          type="button"
          class="button button-secondary"
          disabled={!reports}
          onClick={() => save('json')}
        >
          {t('incidentExport.json')}
        </button>
      </div>
      <p>
        <a href={`/incidents/${encodeURIComponent(incident.id)}`}>{t('incidentExport.back')}</a>
      </p>
    </>
  );
}
