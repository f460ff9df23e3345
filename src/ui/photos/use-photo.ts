// A photo of this device for display: its row (live, so an upload or download shows at once) and an
// object URL for its bytes, released when the component goes or the photo changes.
import { useEffect, useState } from 'preact/hooks';
import { getAttachment, type AttachmentRow } from '../../storage/attachments';
import { useLiveQuery } from '../hooks/use-live-query';
import { useDatabase } from '../sync/use-sync-facts';

/** undefined while reading; null when the device does not hold the photo. */
export function usePhotoRow(id: string): AttachmentRow | null | undefined {
  const db = useDatabase();
  return useLiveQuery(() => (db ? getAttachment(db, id) : undefined), [db, id]);
}

/**
 * An object URL for the photo's bytes, revoked when another photo is shown or the component unmounts.
 * Keyed by id and sha-256: a re-read of the same row (its state changed) keeps the URL.
 */
export function usePhotoUrl(row: AttachmentRow | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const key = row ? `${row.id}:${row.sha256}` : '';
  useEffect(() => {
    if (!row) {
      setUrl(null);
      return;
    }
    const created = URL.createObjectURL(row.blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [key]);
  return url;
}
