// Fast entry on a log: type a line, press Enter, and it is recorded with event time = now; focus stays in
// the field for the next line. The event time follows the clock until changed; a priority tag is optional;
// quick entries record a common event in one press; "transcribed from paper" asks for the paper's time.
// "Attach a photo" (collapsed, so a typed line and Enter stay fast) opens the photo field: the photos go
// with the next entry recorded, typed or quick; photos left when the page goes are deleted (discardPhotos).
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ENTRY_PRIORITIES } from '../../../../domain/incidents/incident-kinds';
import type { UserProfile } from '../../../../domain/users';
import type { RecordView } from '../../../../storage';
import { FormError } from '../../../components/form-error';
import { discardPhotos, PhotoField } from '../../../photos/photo-field';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { priorityKey } from '../labels';
import { localDate, localDateTimeToIso, localTime, parseClock } from './log-time';
import { MAX_ENTRY_PHOTOS, recordEntry, writeProblem, type EntryPriority } from './log-write';
import type { LogKey, LogT } from './messages';

/** Common events, one press each (their text is written in the recorder's language). */
export const QUICK_ENTRIES: readonly LogKey[] = [
  'activityLog.quick.arrived',
  'activityLog.quick.briefing',
  'activityLog.quick.requested',
  'activityLog.quick.resourcesArrived',
  'activityLog.quick.situationSent',
  'activityLog.quick.shiftChange',
  'activityLog.quick.departed',
];

const CLOCK_TICK_MS = 15_000;

export function FastEntry({ t, log, user }: { t: LogT; log: RecordView; user: UserProfile }) {
  const announce = useAppStore((state) => state.announce);
  const textField = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [priority, setPriority] = useState<'' | EntryPriority>('');
  const [transcribed, setTranscribed] = useState(false);
  /** While true, the event time shows (and entries get) the current time. */
  const [follow, setFollow] = useState(true);
  const [date, setDate] = useState(() => localDate(new Date()));
  const [time, setTime] = useState(() => localTime(new Date()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const busy = useRef(false);
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [photosOpen, setPhotosOpen] = useState(false);
  const [preparingPhotos, setPreparingPhotos] = useState(false);
  const db = useDatabase();
  // Photos attached but never recorded with an entry are deleted when the page goes.
  const unsaved = useRef({ ids: [] as string[], db, userId: user.id });
  Object.assign(unsaved.current, { ids: photoIds, db, userId: user.id });
  useEffect(
    () => () => void discardPhotos(unsaved.current.db, unsaved.current.ids, unsaved.current.userId),
    [],
  );

  useEffect(() => {
    if (!follow) return;
    const tick = () => {
      const now = new Date();
      setDate(localDate(now));
      setTime(localTime(now));
    };
    tick();
    const timer = setInterval(tick, CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, [follow]);

  const fail = (field: string, message: string) => {
    setErrors({ [field]: message });
    setFormError(null);
    document.getElementById(`entry-${field}`)?.focus();
  };

  const record = async (line: string, fromQuick: boolean) => {
    if (busy.current) return;
    if (!line.trim()) return fail('text', t('activityLog.error.textRequired'));
    let eventAt: string | null;
    if (follow && !transcribed) eventAt = new Date().toISOString();
    else if (!date.trim() || !time.trim())
      return fail(
        date.trim() ? 'time' : 'date',
        t(transcribed ? 'activityLog.error.paperTimeRequired' : 'activityLog.error.timeRequired'),
      );
    else if (!parseClock(time)) return fail('time', t('activityLog.error.timeInvalid'));
    else eventAt = localDateTimeToIso(date, time);
    if (!eventAt) return fail('date', t('activityLog.error.timeRequired'));
    if (preparingPhotos) {
      setErrors({});
      setFormError(t('activityLog.error.photosPreparing'));
      return;
    }

    busy.current = true;
    const attachmentIds = photoIds;
    const { result } = await recordEntry(
      log,
      { text: line, eventAt, priority: priority || null, transcribed, attachmentIds },
      user,
    );
    busy.current = false;
    const problem = writeProblem(t, result);
    if (problem) {
      setErrors(problem.fields.eventAt ? { date: problem.fields.eventAt } : problem.fields);
      if (problem.fields.attachmentIds) setPhotosOpen(true);
      setFormError(problem.message);
      return;
    }
    // The photos now belong to the entry: never discarded, even if the page goes before it re-renders.
    unsaved.current.ids = [];
    setPhotoIds([]);
    setPhotosOpen(false);
    setErrors({});
    setFormError(null);
    if (!fromQuick) setText('');
    setPriority('');
    // The next paper line has its own time (most often on the same day).
    if (transcribed) setTime('');
    const recorded = line.trim();
    announce(
      attachmentIds.length
        ? t('activityLog.entry.recordedWithPhotos', { text: recorded, count: attachmentIds.length })
        : t('activityLog.entry.recorded', { text: recorded }),
    );
    if (!fromQuick || transcribed) textField.current?.focus();
  };

  const onSubmit = (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void record(text, false);
  };

  const onTimeInput = (set: (value: string) => void, value: string) => {
    setFollow(false);
    set(value);
  };

  const error = (field: string) =>
    errors[field] ? (
      <p id={`entry-${field}-error`} class="field-error">
        <span aria-hidden="true">⚠ </span>
        {errors[field]}
      </p>
    ) : null;
  const described = (field: string, ...hints: string[]) =>
    [...hints, errors[field] && `entry-${field}-error`].filter(Boolean).join(' ') || undefined;
  const timeHint = transcribed
    ? 'entry-transcribed-hint'
    : follow
      ? 'entry-time-follows'
      : 'entry-time-fixed';

  return (
    <section aria-labelledby="entry-heading" class="log-fast-entry">
      <h2 id="entry-heading">{t('activityLog.entry.heading')}</h2>
      <form class="form log-entry-form" onSubmit={onSubmit} noValidate aria-describedby="entry-form-error">
        <div class={errors.text ? 'field log-entry-text field-invalid' : 'field log-entry-text'}>
          <label for="entry-text">{t('activityLog.entry.text')}</label>
          <p id="entry-text-hint" class="field-hint">
            {t('activityLog.entry.textHint')}
          </p>
          {error('text')}
          <div class="log-entry-line">
            <input
              ref={textField}
              id="entry-text"
              type="text"
              value={text}
              maxLength={4_000}
              autoComplete="off"
              aria-invalid={errors.text ? 'true' : undefined}
              aria-describedby={described('text', 'entry-text-hint')}
              onInput={(e) => setText(e.currentTarget.value)}
            />
            <button type="submit" class="button">
              {t('activityLog.entry.record')}
            </button>
          </div>
        </div>

        <div class="log-entry-options">
          <fieldset class="log-entry-time">
            <legend>{t('activityLog.entry.time')}</legend>
            <p id="entry-time-follows" class="field-hint" hidden={!follow || transcribed}>
              {t('activityLog.entry.followsClock')}
            </p>
            <p id="entry-time-fixed" class="field-hint" hidden={follow || transcribed}>
              {t('activityLog.entry.fixedTime')}
            </p>
            <p id="entry-transcribed-hint" class="field-hint" hidden={!transcribed}>
              {t('activityLog.entry.transcribedHint')}
            </p>
            <div class="log-entry-time-fields">
              <div class={errors.date ? 'field field-invalid' : 'field'}>
                <label for="entry-date">{t('activityLog.entry.date')}</label>
                {error('date')}
                <input
                  id="entry-date"
                  type="date"
                  value={date}
                  aria-invalid={errors.date ? 'true' : undefined}
                  aria-describedby={described('date', timeHint)}
                  onInput={(e) => onTimeInput(setDate, e.currentTarget.value)}
                />
              </div>
              <div class={errors.time ? 'field field-invalid' : 'field'}>
                <label for="entry-time">{t('activityLog.entry.clock')}</label>
                <p id="entry-clock-hint" class="field-hint">
                  {t('activityLog.entry.clockHint')}
                </p>
                {error('time')}
                <input
                  id="entry-time"
                  type="text"
                  inputMode="numeric"
                  value={time}
                  maxLength={5}
                  autoComplete="off"
                  aria-invalid={errors.time ? 'true' : undefined}
                  aria-describedby={described('time', 'entry-clock-hint', timeHint)}
                  onInput={(e) => onTimeInput(setTime, e.currentTarget.value)}
                />
              </div>
            </div>
            {!follow && !transcribed && (
              <button
                type="button"
                class="button button-secondary button-small"
                onClick={() => {
                  setFollow(true);
                  setErrors({});
                }}
              >
                {t('activityLog.entry.useNow')}
              </button>
            )}
          </fieldset>

          <div class="field log-entry-priority">
            <label for="entry-priority">{t('activityLog.entry.priority')}</label>
            <select
              id="entry-priority"
              value={priority}
              onChange={(e) => setPriority(e.currentTarget.value as '' | EntryPriority)}
            >
              <option value="">{t('activityLog.entry.priorityNone')}</option>
              {ENTRY_PRIORITIES.map((value) => (
                <option key={value} value={value}>
                  {t(priorityKey(value))}
                </option>
              ))}
            </select>
          </div>

          <label class="checkbox log-entry-transcribed">
            <input
              type="checkbox"
              checked={transcribed}
              aria-describedby="entry-transcribed-hint"
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setTranscribed(on);
                setErrors({});
                if (on) {
                  // The paper's own date and time, typed in: nothing is assumed.
                  setFollow(false);
                  setDate('');
                  setTime('');
                } else setFollow(true);
              }}
            />
            {t('activityLog.entry.transcribed')}
          </label>
        </div>

        <div class="log-entry-photos">
          <p class="log-entry-photos-toggle">
            <button
              type="button"
              class="button button-secondary button-small"
              aria-expanded={photosOpen ? 'true' : 'false'}
              aria-controls="entry-photos"
              onClick={() => setPhotosOpen((open) => !open)}
            >
              {t('activityLog.entry.attach')}
            </button>
            {!photosOpen && photoIds.length > 0 && (
              <span class="log-entry-photos-count">
                {t('activityLog.entry.photosAttached', { count: photoIds.length })}
              </span>
            )}
          </p>
          <div id="entry-photos" hidden={!photosOpen}>
            {photosOpen && (
              <>
                <p class="field-hint">{t('activityLog.entry.photosHint')}</p>
                <PhotoField
                  id="entry-photos-field"
                  label={t('activityLog.entry.photos')}
                  dept={log.dept}
                  userId={user.id}
                  photoIds={photoIds}
                  max={MAX_ENTRY_PHOTOS}
                  onAdd={(ids) => setPhotoIds((current) => [...current, ...ids])}
                  onRemove={(id) => setPhotoIds((current) => current.filter((other) => other !== id))}
                  error={errors.attachmentIds}
                  onBusy={setPreparingPhotos}
                />
              </>
            )}
          </div>
        </div>
        <FormError id="entry-form-error" message={formError} />
      </form>

      <div role="group" aria-labelledby="quick-heading" aria-describedby="quick-hint" class="log-quick">
        <h3 id="quick-heading">{t('activityLog.entry.quick')}</h3>
        <p id="quick-hint" class="field-hint">
          {t('activityLog.entry.quickHint')}
        </p>
        <div class="button-row">
          {QUICK_ENTRIES.map((key) => (
            <button
              key={key}
              type="button"
              class="button button-secondary"
              onClick={() => void record(t(key), true)}
            >
              {t(key)}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
