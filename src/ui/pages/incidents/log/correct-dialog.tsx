// "Correct" an entry: the corrected text and a required reason, recorded as a new entry whose `corrects`
// names the original. The original is never changed; the log shows it struck through with the reason.
// Photos may be added to the correction; those of a correction never recorded are deleted when it closes.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UserProfile } from '../../../../domain/users';
import type { RecordView } from '../../../../storage';
import { FormError } from '../../../components/form-error';
import { ModalDialog } from '../../../components/modal-dialog';
import { discardPhotos, PhotoField } from '../../../photos/photo-field';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { clockText } from './log-time';
import { MAX_ENTRY_PHOTOS, recordEntry, writeProblem, type EntryPriority } from './log-write';
import type { LogT } from './messages';

export function CorrectDialog(props: {
  t: LogT;
  log: RecordView;
  entry: RecordView;
  user: UserProfile;
  /** Called with the correction's id once it is recorded; with nothing when cancelled. */
  onClose: (savedId?: string) => void;
}) {
  const { t, log, entry, user } = props;
  const announce = useAppStore((state) => state.announce);
  const original = String(entry.fields.text ?? '');
  const [text, setText] = useState(original);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [preparingPhotos, setPreparingPhotos] = useState(false);
  const db = useDatabase();
  const unsaved = useRef({ ids: [] as string[], db, userId: user.id });
  Object.assign(unsaved.current, { ids: photoIds, db, userId: user.id });
  useEffect(
    () => () => void discardPhotos(unsaved.current.db, unsaved.current.ids, unsaved.current.userId),
    [],
  );

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!text.trim()) found.text = t('activityLog.error.textRequired');
    if (!reason.trim()) found.correctionReason = t('activityLog.error.reasonRequired');
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      setFormError(t('common.fixErrors'));
      document.getElementById(`correct-${first}`)?.focus();
      return;
    }
    if (preparingPhotos) {
      setFormError(t('activityLog.error.photosPreparing'));
      return;
    }
    setBusy(true);
    const priority = entry.fields.priority;
    const { id, result } = await recordEntry(
      log,
      {
        text,
        // The correction is about the same moment as the entry it corrects.
        eventAt: String(entry.fields.eventAt),
        priority: priority === 'important' || priority === 'urgent' ? (priority as EntryPriority) : null,
        corrects: { id: entry.id, reason },
        attachmentIds: photoIds,
      },
      user,
    );
    setBusy(false);
    const problem = writeProblem(t, result);
    if (problem) {
      setErrors(problem.fields);
      setFormError(problem.message);
      return;
    }
    unsaved.current.ids = [];
    announce(t('activityLog.correct.saved'));
    props.onClose(id);
  };

  const field = (id: 'text' | 'correctionReason', label: string, value: string, set: (v: string) => void) => {
    const error = errors[id];
    return (
      <div class={error ? 'field field-invalid' : 'field'}>
        <label for={`correct-${id}`}>
          {label}
          <span class="muted"> {t('activityLog.requiredMark')}</span>
        </label>
        {error && (
          <p id={`correct-${id}-error`} class="field-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        <textarea
          id={`correct-${id}`}
          rows={id === 'text' ? 3 : 2}
          value={value}
          maxLength={id === 'text' ? 4_000 : 1_000}
          aria-required="true"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `correct-${id}-error` : undefined}
          onInput={(e) => set(e.currentTarget.value)}
        />
      </div>
    );
  };

  return (
    <ModalDialog id="correct-entry" title={t('activityLog.correct.title')} onClose={() => props.onClose()}>
      <p>{t('activityLog.correct.intro')}</p>
      <p class="log-correct-original">
        {t('activityLog.correct.original', { time: clockText(entry.fields.eventAt), text: original })}
      </p>
      <form class="form" onSubmit={onSubmit} noValidate aria-describedby="correct-form-error">
        {field('text', t('activityLog.correct.text'), text, setText)}
        {field('correctionReason', t('activityLog.correct.reason'), reason, setReason)}
        <PhotoField
          id="correct-photos"
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
        <FormError id="correct-form-error" message={formError} />
        <div class="button-row">
          <button type="submit" class="button" disabled={busy || preparingPhotos}>
            {t('activityLog.correct.save')}
          </button>
          <button type="button" class="button button-secondary" onClick={() => props.onClose()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
