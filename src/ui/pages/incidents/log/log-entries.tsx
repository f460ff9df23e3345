// A log's entries in chain order: event time (24-hour), recorded time, author, text, priority tag and the
// marks "transcribed from paper", "not yet sent" and corrections (a corrected entry stays, struck through
// with <del> and the word "Corrected", with the reason and a link to its correction). An entry with photos
// says how many; "Show photos" opens them in a dialog (one place for both list forms, so a windowed row
// keeps its height). Long logs render through the windowed list the permits list uses.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { RecordView } from '../../../../storage';
import { priorityKey } from '../labels';
import { ModalDialog } from '../../../components/modal-dialog';
import { VirtualList } from '../../../components/virtual-list';
import { PhotoGallery } from '../../../photos/photo-gallery';
import { clockText } from './log-time';
import { attachmentIdsOf } from './log-write';
import type { LogT } from './messages';

/** From this many entries on, only the rows in view are rendered. */
export const VIRTUAL_FROM = 300;
const ROW_REM = 9;
const LIST_ID = 'log-entry-list';

export interface EntryIndex {
  byId: Map<string, RecordView>;
  /** The first correction of each corrected entry. */
  correctionOf: Map<string, RecordView>;
  position: Map<string, number>;
}

export function indexEntries(entries: readonly RecordView[]): EntryIndex {
  const byId = new Map<string, RecordView>();
  const correctionOf = new Map<string, RecordView>();
  const position = new Map<string, number>();
  entries.forEach((entry, index) => {
    byId.set(entry.id, entry);
    position.set(entry.id, index);
    const corrects = entry.fields.corrects;
    if (typeof corrects === 'string' && !correctionOf.has(corrects)) correctionOf.set(corrects, entry);
  });
  return { byId, correctionOf, position };
}

const entryElementId = (id: string) => `entry-${id}`;

/** Scrolls an entry into view (rendering it first when the list is windowed) and moves focus to it. */
function revealEntry(id: string, index: EntryIndex): void {
  const focus = (element: HTMLElement) => {
    element.scrollIntoView({ block: 'center' });
    element.focus();
  };
  const element = document.getElementById(entryElementId(id));
  if (element) return focus(element);
  const position = index.position.get(id);
  const box = document.getElementById(LIST_ID);
  if (position === undefined || !box) return;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  box.scrollTop = position * ROW_REM * rem;
  let frames = 0;
  const wait = () => {
    const rendered = document.getElementById(entryElementId(id));
    if (rendered) focus(rendered);
    else if ((frames += 1) < 30) requestAnimationFrame(wait);
  };
  requestAnimationFrame(wait);
}

export function LogEntries(props: {
  t: LogT;
  entries: readonly RecordView[];
  writable: boolean;
  onCorrect: (entry: RecordView) => void;
  /** An entry to move focus to once it is listed (the correction just recorded). */
  focusId?: string | null;
  onFocused?: () => void;
}) {
  const { t, entries, focusId, onFocused } = props;
  const index = useMemo(() => indexEntries(entries), [entries]);
  const [showing, setShowing] = useState<{ id: string; seq: number } | null>(null);
  useEffect(() => {
    if (!focusId || !index.byId.has(focusId)) return;
    revealEntry(focusId, index);
    onFocused?.();
  }, [focusId, index, onFocused]);
  if (entries.length === 0) return <p class="empty-state">{t('activityLog.entries.none')}</p>;
  const row = (entry: RecordView, position: number) => (
    <EntryRow
      t={t}
      entry={entry}
      position={position}
      index={index}
      writable={props.writable}
      onCorrect={props.onCorrect}
      onShowPhotos={(seq) => setShowing({ id: entry.id, seq })}
    />
  );
  const shown = showing ? index.byId.get(showing.id) : undefined;
  const photos = shown && showing && (
    <EntryPhotos t={t} entry={shown} seq={showing.seq} onClose={() => setShowing(null)} />
  );
  if (entries.length >= VIRTUAL_FROM)
    return (
      <>
        <VirtualList
          id={LIST_ID}
          label={t('activityLog.entries.label')}
          count={entries.length}
          rowHeightRem={ROW_REM}
          resetKey="log"
          onRange={() => undefined}
          renderRow={(i) => (entries[i] ? row(entries[i], i) : null)}
        />
        {photos}
      </>
    );
  return (
    <>
      <ol id={LIST_ID} class="log-entries" aria-label={t('activityLog.entries.label')}>
        {entries.map((entry, i) => (
          <li key={entry.id} class="log-entries-item">
            {row(entry, i)}
          </li>
        ))}
      </ol>
      {photos}
    </>
  );
}

/** The photos of one entry, in a dialog (Escape or "Close" goes back to its "Show photos" button). */
function EntryPhotos(props: { t: LogT; entry: RecordView; seq: number; onClose: () => void }) {
  const { t, entry, seq } = props;
  const time = clockText(entry.fields.eventAt);
  return (
    <ModalDialog
      id="entry-photos-dialog"
      title={t('activityLog.photos.title', { seq, time })}
      onClose={props.onClose}
    >
      <p class="log-correct-original">{String(entry.fields.text ?? '')}</p>
      <PhotoGallery
        ids={attachmentIdsOf(entry.fields)}
        dept={entry.dept}
        label={t('activityLog.photos.label', { seq })}
      />
      <div class="button-row">
        <button type="button" class="button button-secondary" onClick={props.onClose}>
          {t('activityLog.photos.close')}
        </button>
      </div>
    </ModalDialog>
  );
}

function EntryRow(props: {
  t: LogT;
  entry: RecordView;
  position: number;
  index: EntryIndex;
  writable: boolean;
  onCorrect: (entry: RecordView) => void;
  onShowPhotos: (seq: number) => void;
}) {
  const { t, entry, index } = props;
  const photoCount = attachmentIdsOf(entry.fields).length;
  const f = entry.fields;
  const eventTime = clockText(f.eventAt);
  const correction = index.correctionOf.get(entry.id);
  const corrects = typeof f.corrects === 'string' ? f.corrects : null;
  const original = corrects ? index.byId.get(corrects) : undefined;
  const text = String(f.text ?? '');
  const seq = typeof f.seq === 'number' ? f.seq : props.position + 1;
  const jump = (id: string) => (event: Event) => {
    event.preventDefault();
    revealEntry(id, index);
  };

  return (
    <div
      id={entryElementId(entry.id)}
      tabIndex={-1}
      class={correction ? 'log-entry log-entry-corrected' : 'log-entry'}
    >
      <p class="log-entry-meta">
        <span class="log-entry-seq">{t('activityLog.entryNumber', { seq })}</span>{' '}
        <time class="log-entry-time" dateTime={String(f.eventAt ?? '')}>
          {eventTime}
        </time>
        {(f.priority === 'important' || f.priority === 'urgent') && (
          <span class={`tag log-tag-${f.priority}`}>{t(priorityKey(f.priority))}</span>
        )}
        {f.transcribed === true && (
          <span class="tag log-tag-transcribed">{t('activityLog.tag.transcribed')}</span>
        )}
        {corrects && <span class="tag log-tag-correction">{t('activityLog.tag.correction')}</span>}
        {correction && <span class="tag log-tag-corrected">{t('activityLog.tag.corrected')}</span>}
        {photoCount > 0 && (
          <span class="tag log-tag-photos">{t('activityLog.tag.photos', { count: photoCount })}</span>
        )}
        {entry.pending && <span class="tag tag-pending">{t('activityLog.tag.pending')}</span>}
      </p>
      <p class="log-entry-text">{correction ? <del>{text}</del> : text}</p>
      {correction && (
        <p class="log-entry-note">
          {t('activityLog.correctedBy', {
            time: clockText(correction.fields.recordedAt),
            author: String(correction.fields.authorName ?? ''),
            reason: String(correction.fields.correctionReason ?? ''),
          })}{' '}
          <a href={`#${entryElementId(correction.id)}`} onClick={jump(correction.id)}>
            {t('activityLog.seeCorrection')}
          </a>
        </p>
      )}
      {corrects && (
        <p class="log-entry-note">
          {t('activityLog.correctionOf', {
            time: original ? clockText(original.fields.eventAt) : t('activityLog.originalMissing'),
            reason: String(f.correctionReason ?? ''),
          })}{' '}
          {original && (
            <a href={`#${entryElementId(corrects)}`} onClick={jump(corrects)}>
              {t('activityLog.seeOriginal')}
            </a>
          )}
        </p>
      )}
      <p class="log-entry-by muted">
        {t('activityLog.recordedBy', {
          time: clockText(f.recordedAt),
          author: String(f.authorName ?? ''),
        })}
        {photoCount > 0 && (
          <button
            type="button"
            class="button button-secondary button-small log-entry-photos-button"
            aria-label={t('activityLog.showPhotosLabel', { seq, time: eventTime })}
            onClick={() => props.onShowPhotos(seq)}
          >
            {t('activityLog.showPhotos')}
          </button>
        )}
        {props.writable && !correction && (
          <button
            type="button"
            class="button button-secondary button-small log-entry-correct"
            aria-label={t('activityLog.correctLabel', { seq, time: eventTime })}
            onClick={() => props.onCorrect(entry)}
          >
            {t('activityLog.correct')}
          </button>
        )}
      </p>
    </div>
  );
}
