// One ICS 214 activity log: its header blocks (editable), the EXERCISE label for an exercise, fast entry
// with quick entries and paper transcription, the entries in chain order with their corrections, and
// "Verify log". Everything works offline; entries reach the server with the next sync.
import { useRoute } from 'preact-iso';
import { useCallback, useState } from 'preact/hooks';
import { activityLogKind, logEntryKind } from '../../../../domain/incidents/incident-kinds';
import { getRecord, type RecordView } from '../../../../storage';
import { listLogEntries } from '../../../../storage/incident-queries';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useDatabase } from '../../../sync/use-sync-facts';
import { ExerciseBadge } from '../exercise-badge';
import { CorrectDialog } from './correct-dialog';
import { FastEntry } from './fast-entry';
import { canWriteKind } from './log-access';
import { LogEntries } from './log-entries';
import { LogHeader } from './log-header';
import { logMessages } from './messages';
import { VerifyLog } from './verify-log';
import '../../../styles/incident-log.css';

export function LogPage() {
  const t = useAreaT(logMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const incidentId = params.id ?? '';
  const logId = params.logId ?? '';
  const log = useLiveQuery(() => (db ? getRecord(db, logId) : undefined), [db, logId]);
  const incident = useLiveQuery(() => (db ? getRecord(db, incidentId) : undefined), [db, incidentId]);
  const periodId = typeof log?.fields.periodId === 'string' ? log.fields.periodId : '';
  const period = useLiveQuery(
    async () => (db && periodId ? await getRecord(db, periodId) : null),
    [db, periodId],
  );
  const entries = useLiveQuery(() => (db ? listLogEntries(db, logId) : undefined), [db, logId]);
  const [correcting, setCorrecting] = useState<RecordView | null>(null);
  // The correction just recorded takes focus: the corrected entry's "Correct" button is gone.
  const [focusEntry, setFocusEntry] = useState<string | null>(null);
  const focused = useCallback(() => setFocusEntry(null), []);

  if (log === undefined || incident === undefined || entries === undefined)
    return <p class="muted">{t('app.loading')}</p>;
  const back = (
    <p>
      <a href={`/incidents/${incidentId}`}>{t('activityLog.backToIncident')}</a>
    </p>
  );
  if (!log || log.kind !== 'activity_log' || log.deleted || log.fields.incidentId !== incidentId || !incident)
    return (
      <>
        <PageHeading title={t('activityLog.heading')}>{t('activityLog.heading')}</PageHeading>
        <p class="empty-state">{t('activityLog.notFound')}</p>
        {back}
      </>
    );

  const name = String(log.fields.name ?? '');
  const canAppend = canWriteKind(user, logEntryKind, log.dept);
  const canEdit = canWriteKind(user, activityLogKind, log.dept);
  const unsent = entries.filter((entry) => entry.pending).length;

  return (
    <>
      <PageHeading title={t('activityLog.title', { name })}>
        <span class="log-heading-form">{t('activityLog.heading')}</span> {name}
      </PageHeading>
      {incident.fields.exercise === true && (
        <p class="log-exercise">
          <ExerciseBadge exercise={incident.fields.exercise} long />
        </p>
      )}
      <p class="log-actions">
        <a href={`/incidents/${incidentId}/logs/${logId}/print`}>{t('activityLog.print')}</a>
        <a href={`/incidents/${incidentId}`}>{t('activityLog.backToIncident')}</a>
      </p>
      <LogHeader t={t} log={log} incident={incident} period={period ?? null} writable={canEdit} />

      {canAppend && user ? (
        <FastEntry t={t} log={log} user={user} />
      ) : (
        <p class="empty-state">{t('activityLog.readOnly')}</p>
      )}

      <section aria-labelledby="entries-heading" class="log-entries-section">
        <h2 id="entries-heading">
          {t('activityLog.block.log')}{' '}
          <span class="log-entries-count">({t('activityLog.entries.count', { count: entries.length })})</span>
        </h2>
        {unsent > 0 && <p class="muted">{t('activityLog.entries.unsent', { count: unsent })}</p>}
        <LogEntries
          t={t}
          entries={entries}
          writable={canAppend}
          onCorrect={setCorrecting}
          focusId={focusEntry}
          onFocused={focused}
        />
      </section>

      <VerifyLog t={t} log={log} entries={entries} />

      {correcting && user && (
        <CorrectDialog
          t={t}
          log={log}
          entry={correcting}
          user={user}
          onClose={(savedId) => {
            setCorrecting(null);
            if (savedId) setFocusEntry(savedId);
          }}
        />
      )}
    </>
  );
}
