// Turns a picked or captured image into what is stored and sent: checked with the domain's rule first (a
// huge or non-image file is refused before decoding it), then decoded, resized so its longest edge is at
// most MAX_IMAGE_EDGE, encoded as JPEG at JPEG_QUALITY, and hashed (sha-256, sent with the upload).
import {
  attachmentProblem,
  JPEG_QUALITY,
  MAX_IMAGE_EDGE,
  type AttachmentProblem,
} from '../../domain/attachments';
import { sha256OfBytes } from '../../sync/attachment-upload';

export interface PreparedPhoto {
  blob: Blob;
  type: 'image/jpeg';
  size: number;
  sha256: string;
  width: number;
  height: number;
}

/**
 * Why a file was not taken: the domain's problem (type, size before resizing), `resized` (still over
 * MAX_ATTACHMENT_BYTES after resizing: params size/max in MB), or `unreadable` (not a decodable image).
 */
export type PhotoProblem =
  | (AttachmentProblem & { stage: 'picked' })
  | (AttachmentProblem & { stage: 'resized' })
  | { code: 'unreadable'; stage: 'decode'; message: string; params: Record<string, string | number> };

export type PrepareResult = { ok: true; photo: PreparedPhoto } | { ok: false; problem: PhotoProblem };

/** The size of an image scaled down (never up) so its longest edge fits `maxEdge`. */
export function fitWithin(width: number, height: number, maxEdge = MAX_IMAGE_EDGE) {
  const scale = Math.min(1, maxEdge / Math.max(width, height, 1));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))),
      'image/jpeg',
      JPEG_QUALITY,
    ),
  );
}

export async function preparePhoto(file: Blob): Promise<PrepareResult> {
  const picked = attachmentProblem({ type: file.type, size: file.size });
  if (picked) return { ok: false, problem: { ...picked, stage: 'picked' } };
  let bitmap: ImageBitmap;
  try {
    // Camera photos carry their rotation in EXIF; drawing it applied keeps them upright.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return {
      ok: false,
      problem: { code: 'unreadable', stage: 'decode', message: 'This file is not a photo.', params: {} },
    };
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const blob = await encodeJpeg(bitmap, width, height);
    const stored = attachmentProblem({ type: blob.type, size: blob.size }, { stored: true });
    if (stored) return { ok: false, problem: { ...stored, stage: 'resized' } };
    const sha256 = await sha256OfBytes(await blob.arrayBuffer());
    return { ok: true, photo: { blob, type: 'image/jpeg', size: blob.size, sha256, width, height } };
  } finally {
    bitmap.close();
  }
}
