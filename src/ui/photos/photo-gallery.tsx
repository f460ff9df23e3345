// The photos of a saved record: thumbnails that open the full photo. A photo this device does not hold is
// fetched when shown (online) and kept; offline, or when fetching failed, it says so, with a button to
// try again. A photo taken here and not yet uploaded says "Not yet sent"; a refused one says why.
import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadAttachment, type DownloadResult } from '../../sync/attachment-upload';
import { useCachedSession } from '../hooks/use-cached-session';
import { useAreaT } from '../i18n/use-t';
import { useAppStore } from '../store/use-app-store';
import { useDatabase } from '../sync/use-sync-facts';
import { photoMessages } from './messages';
import { usePhotoRow, usePhotoUrl } from './use-photo';
import '../styles/photos.css';

type Missing = 'idle' | 'downloading' | Exclude<DownloadResult, { ok: true }>['reason'];

function GalleryPhoto(props: {
  id: string;
  number: number;
  dept: string;
  open: boolean;
  onToggle: () => void;
}) {
  const t = useAreaT(photoMessages);
  const db = useDatabase();
  const userId = useCachedSession()?.user.id ?? '';
  const network = useAppStore((state) => state.network);
  const row = usePhotoRow(props.id);
  const url = usePhotoUrl(row);
  const [missing, setMissing] = useState<Missing>('idle');
  const tried = useRef(false);
  const { number } = props;

  const download = async () => {
    if (!db) return;
    setMissing('downloading');
    const result = await downloadAttachment(
      { db, fetch: (input, init) => globalThis.fetch(input, init), isOnline: () => navigator.onLine },
      props.id,
      { userId, dept: props.dept },
    );
    setMissing(result.ok ? 'idle' : result.reason);
  };

  // Lazy download: once when first shown without the photo, and again when the device comes online.
  useEffect(() => {
    if (row !== null || !db) return;
    if (network !== 'online' || !navigator.onLine) {
      setMissing('offline');
      return;
    }
    if (tried.current && missing !== 'offline') return;
    tried.current = true;
    void download();
  }, [row === null, db, network]);

  if (row === undefined) return <li class="photo-thumb" />;
  if (row === null)
    return (
      <li class="photo-thumb photo-missing">
        <p>
          {missing === 'downloading'
            ? t('photos.downloading', { number })
            : missing === 'offline'
              ? t('photos.offline')
              : missing === 'not_found'
                ? t('photos.notFound')
                : missing === 'failed'
                  ? t('photos.downloadFailed')
                  : t('photos.notHere')}
        </p>
        {missing !== 'downloading' && (
          <button type="button" class="button button-secondary button-small" onClick={() => void download()}>
            {t('photos.download', { number })}
          </button>
        )}
      </li>
    );
  return (
    <li class="photo-thumb">
      <button
        type="button"
        class="photo-thumb-button"
        aria-expanded={props.open ? 'true' : 'false'}
        aria-label={t('photos.open', { number })}
        onClick={props.onToggle}
      >
        {url && <img src={url} alt="" />}
      </button>
      {row.state === 'pending' && !row.refused && <span class="tag tag-pending">{t('photos.notSent')}</span>}
      {row.refused && <p class="field-error">{t('photos.refused', { reason: row.refused.message })}</p>}
    </li>
  );
}

function FullPhoto(props: { id: string; number: number; onClose: () => void }) {
  const t = useAreaT(photoMessages);
  const url = usePhotoUrl(usePhotoRow(props.id));
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), [props.id]);
  return (
    <figure class="photo-full">
      {url && <img src={url} alt={t('photos.fullSize', { number: props.number })} />}
      <figcaption>
        <button
          ref={closeRef}
          type="button"
          class="button button-secondary button-small"
          onClick={props.onClose}
        >
          {t('photos.closeFull', { number: props.number })}
        </button>
      </figcaption>
    </figure>
  );
}

export function PhotoGallery(props: { ids: readonly string[]; dept: string; label: string }) {
  const [open, setOpen] = useState<number | null>(null);
  const container = useRef<HTMLDivElement>(null);
  if (props.ids.length === 0) return null;
  const close = () => {
    const index = open;
    setOpen(null);
    if (index === null) return;
    // Back to the thumbnail that opened it.
    requestAnimationFrame(() => {
      const buttons = container.current?.querySelectorAll<HTMLElement>('.photo-thumb-button');
      buttons?.item(index)?.focus();
    });
  };
  return (
    <div class="photo-gallery" ref={container}>
      <ul class="photo-thumbs" aria-label={props.label}>
        {props.ids.map((id, index) => (
          <GalleryPhoto
            key={id}
            id={id}
            number={index + 1}
            dept={props.dept}
            open={open === index}
            onToggle={() => (open === index ? close() : setOpen(index))}
          />
        ))}
      </ul>
      {open !== null && props.ids[open] && (
        <FullPhoto id={props.ids[open]} number={open + 1} onClose={close} />
      )}
    </div>
  );
}
