// The "Photos" part of a form: take a photo with the camera or choose several, see thumbnails, remove
// one. Each photo is checked and prepared (prepare-photo.ts) and saved on the device at once, as a pending
// attachment; the form then saves the record with the photos' ids. A photo removed here (or left behind
// when the form is discarded: see discardPhotos) is deleted, as no record refers to it.
import { useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { v7 as uuidv7 } from 'uuid';
import { isQuotaError, type HoldfastDatabase } from '../../storage';
import { removeOrphanAttachment, saveAttachment } from '../../storage/attachments';
import { useAreaT } from '../i18n/use-t';
import { useDatabase } from '../sync/use-sync-facts';
import { photoMessages, type PhotoT } from './messages';
import { preparePhoto, type PhotoProblem } from './prepare-photo';
import { usePhotoRow, usePhotoUrl } from './use-photo';
import '../styles/photos.css';

export const MAX_PHOTOS = 20;

/** A problem with a picked file, in the reader's language. */
export function photoProblemText(t: PhotoT, problem: PhotoProblem): string {
  if (problem.code === 'size')
    return t(problem.stage === 'resized' ? 'photos.error.stillTooLarge' : 'photos.error.tooLarge', {
      size: problem.params.size ?? '',
      max: problem.params.max ?? '',
    });
  return t('photos.error.notImage');
}

/** Deletes the photos of a form that was never saved (only pending photos of this user are touched). */
export async function discardPhotos(db: HoldfastDatabase | null, ids: readonly string[], userId: string) {
  if (!db) return;
  for (const id of ids) await removeOrphanAttachment(db, id, userId);
}

function Thumbnail(props: { id: string; number: number; removeId: string; onRemove: () => void }) {
  const t = useAreaT(photoMessages);
  const url = usePhotoUrl(usePhotoRow(props.id));
  return (
    <li class="photo-thumb">
      {url ? (
        <img src={url} alt={t('photos.alt', { number: props.number })} />
      ) : (
        <span class="photo-placeholder">{t('photos.alt', { number: props.number })}</span>
      )}
      <button
        type="button"
        id={props.removeId}
        class="button button-secondary button-small"
        onClick={props.onRemove}
      >
        {t('photos.remove', { number: props.number })}
      </button>
    </li>
  );
}

export function PhotoField(props: {
  /** The base of the element ids. */
  id: string;
  label: string;
  /** The department of the record the photos belong to. */
  dept: string;
  userId: string;
  photoIds: readonly string[];
  onAdd: (ids: string[]) => void;
  onRemove: (id: string) => void;
  /** A problem from the form's own checks (e.g. the domain's limit on the list). */
  error?: string | undefined;
  onBusy?: (busy: boolean) => void;
  max?: number;
}) {
  const t = useAreaT(photoMessages);
  const db = useDatabase();
  const max = props.max ?? MAX_PHOTOS;
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const takeRef = useRef<HTMLInputElement>(null);
  const base = props.id;
  const errorId = `${base}-error`;
  const hintId = `${base}-hint`;
  const full = props.photoIds.length >= max;
  const shownProblems = [...(props.error ? [props.error] : []), ...problems];

  const onFiles = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file may be picked again later
    if (!db || files.length === 0) return;
    setBusy(true);
    props.onBusy?.(true);
    setStatus(t('photos.preparing'));
    const found: string[] = [];
    const added: string[] = [];
    const room = Math.max(0, max - props.photoIds.length);
    for (const file of files.slice(0, room)) {
      const result = await preparePhoto(file);
      if (!result.ok) {
        found.push(
          t('photos.fileProblem', { name: file.name, problem: photoProblemText(t, result.problem) }),
        );
        continue;
      }
      const id = uuidv7();
      try {
        await saveAttachment(db, {
          id,
          dept: props.dept,
          type: result.photo.type,
          size: result.photo.size,
          sha256: result.photo.sha256,
          blob: result.photo.blob,
          createdAt: new Date().toISOString(),
          userId: props.userId,
        });
        added.push(id);
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        found.push(t('error.storageFull'));
        break;
      }
    }
    if (files.length > room) found.push(t('photos.error.tooMany', { max, count: files.length - room }));
    if (added.length) props.onAdd(added);
    setProblems(found);
    setBusy(false);
    props.onBusy?.(false);
    setStatus(added.length ? t('photos.added', { count: added.length }) : '');
  };

  const remove = async (id: string, index: number) => {
    if (db) await removeOrphanAttachment(db, id, props.userId);
    props.onRemove(id);
    setStatus(t('photos.removed', { number: index + 1 }));
    // Focus stays in the list: the next photo's button, else the previous one, else "Take photo".
    const left = props.photoIds.length - 1;
    const next = left === 0 ? null : `${base}-remove-${Math.min(index, left - 1)}`;
    requestAnimationFrame(() => (next ? document.getElementById(next) : takeRef.current)?.focus());
  };

  const describedBy = [hintId, shownProblems.length ? errorId : ''].filter(Boolean).join(' ');
  const picker = (kind: 'take' | 'choose') => (
    <span class="photo-picker">
      <input
        ref={kind === 'take' ? takeRef : undefined}
        id={`${base}-${kind}`}
        class="visually-hidden photo-input"
        type="file"
        accept="image/*"
        {...(kind === 'take' ? { capture: 'environment' } : { multiple: true })}
        disabled={busy || full}
        onChange={onFiles}
        aria-describedby={describedBy}
        aria-invalid={shownProblems.length ? 'true' : undefined}
      />
      <label
        for={`${base}-${kind}`}
        class={`button ${kind === 'take' ? '' : 'button-secondary'} photo-picker-label`}
        aria-disabled={busy || full ? 'true' : undefined}
      >
        {t(kind === 'take' ? 'photos.take' : 'photos.choose')}
      </label>
    </span>
  );

  return (
    <fieldset class={shownProblems.length ? 'field field-invalid photo-field' : 'field photo-field'}>
      <legend>{props.label}</legend>
      <p id={hintId} class="field-hint">
        {t('photos.hint', { max })}
      </p>
      {shownProblems.length > 0 && (
        <div id={errorId} class="field-error">
          {shownProblems.map((problem, index) => (
            <p key={index}>
              <span aria-hidden="true">⚠ </span>
              {problem}
            </p>
          ))}
        </div>
      )}
      {props.photoIds.length > 0 && (
        <ul class="photo-thumbs" aria-label={props.label}>
          {props.photoIds.map((id, index) => (
            <Thumbnail
              key={id}
              id={id}
              number={index + 1}
              removeId={`${base}-remove-${index}`}
              onRemove={() => void remove(id, index)}
            />
          ))}
        </ul>
      )}
      <div class="photo-pickers">
        {picker('take')}
        {picker('choose')}
      </div>
      <p role="status" class="photo-status">
        {busy ? t('photos.preparing') : status}
      </p>
    </fieldset>
  );
}
