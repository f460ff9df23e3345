// /incidents/:id/logs/:logId/print — an activity log as the ICS 214 form: blocks 1 to 5 (incident, period,
// name, position, agency), 6 resources assigned, 7 the activity log (its rows run onto numbered
// continuation pages, the column headings repeated on each), 8 prepared by with a signature line, and the
// entry count and final hash of the log's chain so a paper copy can be checked against Holdfast.
// Corrected entries print struck through with the reason; transcribed entries say so; an entry with photos
// says "Photos: N" (the photos themselves are not printed).
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import type { ChainReport } from '../../../../domain/incidents/chain';
import { verifyLogChain } from '../../../../domain/incidents/export';
import { getLogSheet } from '../../../../storage/incident-print-queries';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { documentCode, shortId } from '../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../print/print-document';
import { PrintSection, WriteLine } from '../../../print/print-parts';
import { useDatabase } from '../../../sync/use-sync-facts';
import { ExerciseBadge } from '../exercise-badge';
import { priorityKey } from '../labels';
import { FormBlock, FormBlocks } from './form-blocks';
import { incidentPrintMessages, type IncidentPrintT } from './messages';
import { formatStamp, groupedHash, logRows, printTimeZone, text, type LogRow } from './print-model';
import './incident-print.css';

export const ics214Code = (logId: string, exercise: boolean) =>
  documentCode(exercise ? 'EX-ICS214' : 'ICS214', shortId(logId));

function EntryCell({ row, t, logName }: { row: LogRow; t: IncidentPrintT; logName: string }) {
  const struck = row.correctedBy.length > 0;
  // Photos are not printed: the entry says how many it has, so the paper copy can be matched to them.
  const ids = row.entry.fields.attachmentIds;
  const photos = Array.isArray(ids) ? ids.length : 0;
  return (
    <td>
      {row.priority && <strong class="print-tag entry-priority">{t(priorityKey(row.priority))}</strong>}
      {row.corrects && (
        <span class="entry-note">
          {row.corrects.number === null
            ? t('incidentPrint.214.correctsUnknown', { reason: row.corrects.reason })
            : t('incidentPrint.214.corrects', { number: row.corrects.number, reason: row.corrects.reason })}
        </span>
      )}
      {struck ? <s class="entry-text">{row.text}</s> : <span class="entry-text">{row.text}</span>}
      {row.correctedBy.map((by) => (
        <span key={by.number} class="entry-note entry-corrected">
          {t('incidentPrint.214.correctedBy', { number: by.number, reason: by.reason })}
        </span>
      ))}
      {(row.author && row.author !== logName) || row.transcribed || row.pending || photos > 0 ? (
        <span class="entry-meta">
          {[
            row.author && row.author !== logName ? t('incidentPrint.214.by', { name: row.author }) : '',
            row.transcribed
              ? t('incidentPrint.214.transcribed', {
                  time: formatStamp(row.entry.fields.recordedAt),
                })
              : '',
            photos > 0 ? t('incidentPrint.214.photos', { count: photos }) : '',
            row.pending ? t('incidentPrint.214.pending') : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      ) : null}
    </td>
  );
}

export function Ics214PrintPage() {
  const t = useAreaT(incidentPrintMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const incidentId = params.id ?? '';
  const logId = params.logId ?? '';
  const sheet = useLiveQuery(
    () => (db ? getLogSheet(db, incidentId, logId) : undefined),
    [db, incidentId, logId],
  );
  const [report, setReport] = useState<ChainReport | null>(null);
  const entries = sheet?.entries;
  useEffect(() => {
    setReport(null);
    if (!entries) return;
    let current = true;
    void verifyLogChain(entries.filter((entry) => !entry.pending)).then((result) => {
      if (current) setReport(result);
    });
    return () => {
      current = false;
    };
  }, [entries]);

  if (sheet === undefined) return <PrintStatus state="loading" />;
  if (sheet === null) return <PrintStatus state="missing" />;

  const { incident, period, log } = sheet;
  const exercise = incident?.fields.exercise === true;
  const logName = text(log.fields.name);
  const rows = logRows(sheet.entries);
  const pending = rows.filter((row) => row.pending).length;
  const confirmed = rows.length - pending;
  const resources = Array.isArray(log.fields.resources) ? log.fields.resources : [];
  const zone = printTimeZone();
  const finalHash = report?.headHash ?? text(log.fields.headHash);

  return (
    <PrintDocument
      title={t(exercise ? 'incidentPrint.214.exerciseTitle' : 'incidentPrint.214.title', { name: logName })}
      code={ics214Code(log.id, exercise)}
      pageOf={t('incidentPrint.214.pageOf', { page: '{page}', pages: '{pages}' })}
      heading={
        <>
          {t('incidentPrint.214.heading')} <ExerciseBadge exercise={exercise} />
        </>
      }
      intro={
        <>
          {exercise && (
            <p>
              <ExerciseBadge exercise long />
            </p>
          )}
          <p>
            {logName} · {t('incidentPrint.214.entries', { count: rows.length })}
          </p>
        </>
      }
    >
      <FormBlocks>
        <FormBlock label={t('incidentPrint.214.block1')} wide>
          {text(incident?.fields.name)}
          {text(incident?.fields.number) && <> ({text(incident?.fields.number)})</>}
        </FormBlock>
        <FormBlock label={t('incidentPrint.214.block2')} wide>
          {period ? (
            <>
              {t('incidentPrint.214.periodNumber', { number: String(period.fields.number ?? '') })}:{' '}
              {t('incidentPrint.214.from')} {formatStamp(period.fields.startsAt)} ·{' '}
              {t('incidentPrint.214.to')} {formatStamp(period.fields.endsAt)}
            </>
          ) : (
            '—'
          )}
        </FormBlock>
        <FormBlock label={t('incidentPrint.214.block3')}>{logName}</FormBlock>
        <FormBlock label={t('incidentPrint.214.block4')}>{text(log.fields.icsPosition) || '—'}</FormBlock>
        <FormBlock label={t('incidentPrint.214.block5')}>{text(log.fields.homeAgency) || '—'}</FormBlock>
      </FormBlocks>

      <PrintSection title={t('incidentPrint.214.block6')}>
        {resources.length === 0 ? (
          <p>{t('incidentPrint.214.noResources')}</p>
        ) : (
          <table class="print-table ics-resources">
            <thead>
              <tr>
                <th scope="col">{t('incidentPrint.214.col.name')}</th>
                <th scope="col">{t('incidentPrint.214.col.position')}</th>
                <th scope="col">{t('incidentPrint.214.col.agency')}</th>
              </tr>
            </thead>
            <tbody>
              {resources.map((resource, i) => {
                const r =
                  resource && typeof resource === 'object' && !Array.isArray(resource) ? resource : {};
                return (
                  <tr key={i}>
                    <td>{text(r.name)}</td>
                    <td>{text(r.position)}</td>
                    <td>{text(r.agency)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </PrintSection>

      <section class="print-section ics-log">
        <h2>{t('incidentPrint.214.block7')}</h2>
        <p class="muted">{t('incidentPrint.timeZone', { zone })}</p>
        {rows.length === 0 ? (
          <p>{t('incidentPrint.214.noEntries')}</p>
        ) : (
          <table class="print-table ics-log-table">
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('incidentPrint.214.col.number')}
                </th>
                <th scope="col">{t('incidentPrint.214.col.dateTime')}</th>
                <th scope="col">{t('incidentPrint.214.col.activities')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.entry.id}
                  data-entry-number={row.number}
                  class={row.correctedBy.length > 0 ? 'entry-struck' : undefined}
                >
                  <td class="num">
                    {row.number}
                    {row.pending ? '*' : ''}
                  </td>
                  <td class="nowrap">{formatStamp(row.eventAt)}</td>
                  <EntryCell row={row} t={t} logName={logName} />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section class="print-section print-keep">
        <h2>{t('incidentPrint.214.block8')}</h2>
        <FormBlocks columns={2}>
          <FormBlock label={t('incidentPrint.name')}>{logName}</FormBlock>
          <FormBlock label={t('incidentPrint.position')}>{text(log.fields.icsPosition) || '—'}</FormBlock>
        </FormBlocks>
        <div class="write-row">
          <WriteLine label={t('print.signature')} width="half" />
          <WriteLine label={t('incidentPrint.dateTime')} hint={t('incidentPrint.timeHint')} width="half" />
        </div>
      </section>

      <section class="print-section print-keep ics-check" aria-labelledby="ics-check-heading">
        <h2 id="ics-check-heading">{t('incidentPrint.214.check')}</h2>
        <p>{t('incidentPrint.214.checkIntro')}</p>
        <dl class="print-facts ics-check-facts">
          <div>
            <dt>{t('incidentPrint.214.entryCount')}</dt>
            <dd data-entry-count={confirmed}>{confirmed}</dd>
          </div>
          <div>
            <dt>{t('incidentPrint.214.finalHash')}</dt>
            <dd class="ics-hash" data-final-hash={finalHash}>
              {groupedHash(finalHash)}
            </dd>
          </div>
          <div>
            <dt>{t('incidentPrint.214.verification')}</dt>
            <dd>
              {report === null
                ? t('incidentPrint.214.verifying')
                : report.ok
                  ? t('incidentPrint.214.verified')
                  : t('incidentPrint.214.broken', { number: report.broken?.seq ?? report.checked + 1 })}
            </dd>
          </div>
        </dl>
        {pending > 0 && <p>{t('incidentPrint.214.pendingNote', { count: pending })}</p>}
      </section>
    </PrintDocument>
  );
}
