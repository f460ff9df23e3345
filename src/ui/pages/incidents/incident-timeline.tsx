// The incident's timeline: every log's entries merged, newest event first, read from the index a page at a
// time, narrowed by unit or log, period, author and words of the text. Corrections say so (with their
// reason), a corrected entry on screen is struck through with words, transcribed entries are marked.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { readTimelinePage, type TimelinePage } from '../../../storage/incident-queries';
import type { RecordView } from '../../../storage/sync-queries';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useDatabase } from '../../sync/use-sync-facts';
import { formatTime24, isFiltered, text, timelineMatcher, type TimelineFilter } from './incident-helpers';
import { priorityKey } from './labels';
import { incidentsMessages, type IncidentsT } from './messages';
import { readEarly, useEarlyRead } from '../../boot/early-reads';

const PAGE = 50;

// Opened on an incident: the timeline's first page is read as soon as storage is open, beside the shell's
// and the page's other reads, so it shows with the heading instead of after it.
readEarly('/incidents/:id', 'timeline', (db, { id = '' }) => readTimelinePage(db, id, { limit: PAGE + 1 }));

/** A value that follows `value` once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function IncidentTimeline(props: { incidentId: string; logs: RecordView[]; periods: RecordView[] }) {
  const t = useAreaT(incidentsMessages);
  const db = useDatabase();
  const { incidentId, logs, periods } = props;
  const [logId, setLogId] = useState('');
  const [periodId, setPeriodId] = useState('');
  const [author, setAuthor] = useState('');
  const [words, setWords] = useState('');
  const [shown, setShown] = useState(PAGE);
  const settledAuthor = useSettled(author, 200);
  const settledWords = useSettled(words, 200);

  const logIdsKey = periodId
    ? logs
        .filter((log) => log.fields.periodId === periodId)
        .map((log) => log.id)
        .join(',')
    : null;
  const filter = useMemo<TimelineFilter>(
    () => ({
      ...(logId ? { logId } : {}),
      ...(logIdsKey !== null ? { logIds: logIdsKey ? logIdsKey.split(',') : [] } : {}),
      author: settledAuthor,
      text: settledWords,
    }),
    [logId, logIdsKey, settledAuthor, settledWords],
  );
  const filtered = isFiltered(filter);
  useEffect(() => setShown(PAGE), [filter]);

  const early = useEarlyRead<TimelinePage>('/incidents/:id', 'timeline', db);
  const live = useLiveQuery(
    () =>
      db
        ? readTimelinePage(db, incidentId, {
            limit: shown + 1,
            ...(filtered ? { match: timelineMatcher(filter), batch: 500 } : {}),
          })
        : null,
    [db, incidentId, shown, filter],
  );
  // The early first page stands in until the live query answers (it is unfiltered, PAGE + 1 entries).
  const page = live !== undefined ? live : !filtered && shown === PAGE ? early : undefined;
  const entries = page?.entries.slice(0, shown) ?? [];
  const more = (page?.entries.length ?? 0) > shown;
  const logNames = new Map(logs.map((log) => [log.id, text(log.fields.name)]));
  const corrected = new Set(entries.map((entry) => text(entry.fields.corrects)).filter(Boolean));

  const clear = () => {
    setLogId('');
    setPeriodId('');
    setAuthor('');
    setWords('');
  };

  return (
    <section aria-labelledby="incident-timeline-heading">
      <h2 id="incident-timeline-heading">{t('incidents.timeline.heading')}</h2>
      <form
        class="incident-timeline-filters"
        aria-label={t('incidents.timeline.filters')}
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <div class="field">
          <label for="timeline-log">{t('incidents.timeline.filter.log')}</label>
          <select id="timeline-log" value={logId} onChange={(e) => setLogId(e.currentTarget.value)}>
            <option value="">{t('incidents.timeline.filter.all')}</option>
            {logs.map((log) => (
              <option key={log.id} value={log.id}>
                {text(log.fields.name)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="timeline-period">{t('incidents.timeline.filter.period')}</label>
          <select id="timeline-period" value={periodId} onChange={(e) => setPeriodId(e.currentTarget.value)}>
            <option value="">{t('incidents.timeline.filter.all')}</option>
            {periods.map((period) => (
              <option key={period.id} value={period.id}>
                {t('incidents.periods.row', { number: Number(period.fields.number) })}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="timeline-author">{t('incidents.timeline.filter.author')}</label>
          <input
            id="timeline-author"
            type="search"
            autoComplete="off"
            value={author}
            onInput={(e) => setAuthor(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="timeline-text">{t('incidents.timeline.filter.text')}</label>
          <input
            id="timeline-text"
            type="search"
            autoComplete="off"
            value={words}
            onInput={(e) => setWords(e.currentTarget.value)}
          />
        </div>
        <button type="button" class="button button-secondary" onClick={clear}>
          {t('incidents.timeline.filter.clear')}
        </button>
      </form>
      <p role="status" class="muted">
        {page === undefined || page === null
          ? ''
          : entries.length === 0
            ? t(filtered ? 'incidents.timeline.noMatch' : 'incidents.timeline.none')
            : t('incidents.timeline.shown', { count: entries.length })}
      </p>
      {entries.length > 0 && (
        <ol class="incident-timeline" aria-label={t('incidents.timeline.listLabel')}>
          {entries.map((entry) => (
            <TimelineEntry
              key={entry.id}
              t={t}
              entry={entry}
              incidentId={incidentId}
              logName={logNames.get(text(entry.fields.logId)) ?? ''}
              corrected={corrected.has(entry.id)}
            />
          ))}
        </ol>
      )}
      {more && (
        <button type="button" class="button button-secondary" onClick={() => setShown((n) => n + PAGE)}>
          {t('incidents.timeline.more')}
        </button>
      )}
    </section>
  );
}

function TimelineEntry(props: {
  t: IncidentsT;
  entry: RecordView;
  incidentId: string;
  logName: string;
  corrected: boolean;
}) {
  const { t, entry, incidentId, logName, corrected } = props;
  const f = entry.fields;
  const logId = text(f.logId);
  const body = text(f.text);
  return (
    <li class="timeline-entry">
      <p class="timeline-entry-head">
        <time dateTime={text(f.eventAt)} class="timeline-entry-time">
          {formatTime24(f.eventAt, t.language)}
        </time>
        {text(f.priority) && <span class="tag tag-priority">{t(priorityKey(f.priority))}</span>}
        {text(f.corrects) && <span class="tag">{t('incidents.timeline.correction')}</span>}
        {f.transcribed === true && <span class="tag">{t('incidents.timeline.transcribed')}</span>}
        {corrected && <span class="tag">{t('incidents.timeline.corrected')}</span>}
        {entry.pending && <span class="tag tag-pending">{t('incidents.unsentTag')}</span>}
      </p>
      <p class="timeline-entry-text">{corrected ? <del>{body}</del> : body}</p>
      {text(f.corrects) && (
        <p class="timeline-entry-reason">
          {t('incidents.timeline.correctionReason', { reason: text(f.correctionReason) })}
        </p>
      )}
      <p class="timeline-entry-meta muted">
        <a href={`/incidents/${incidentId}/logs/${logId}`}>{logName || logId}</a>
        {' · '}
        {text(f.authorName)}
        {' · '}
        {t('incidents.timeline.recorded', { time: formatTime24(f.recordedAt, t.language) })}
      </p>
    </li>
  );
}
