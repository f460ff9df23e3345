import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_TYPES,
  attachmentProblem,
  JPEG_QUALITY,
  MAX_ATTACHMENT_BYTES,
  MAX_IMAGE_EDGE,
  MAX_PICKED_IMAGE_BYTES,
  megabytes,
} from './attachments';

const MB = 1024 * 1024;

describe('attachment limits', () => {
  it('are the agreed values', () => {
    expect(ATTACHMENT_TYPES).toEqual(['image/jpeg']);
    expect(MAX_ATTACHMENT_BYTES).toBe(2 * MB);
    expect(MAX_PICKED_IMAGE_BYTES).toBe(30 * MB);
    expect(MAX_IMAGE_EDGE).toBe(1600);
    expect(JPEG_QUALITY).toBe(0.8);
  });

  it('rounds megabytes up, so a file just over a limit never reads as the limit', () => {
    expect(megabytes(30 * MB)).toBe(30);
    expect(megabytes(30 * MB + 1)).toBe(31);
    expect(megabytes(1)).toBe(1);
  });
});

describe('attachmentProblem for a picked image', () => {
  it('takes any image up to 30 MB', () => {
    expect(attachmentProblem({ type: 'image/png', size: 5 * MB })).toBeNull();
    expect(attachmentProblem({ type: 'image/heic', size: MAX_PICKED_IMAGE_BYTES })).toBeNull();
    expect(attachmentProblem({ type: 'IMAGE/JPEG', size: 1 })).toBeNull();
  });

  it('refuses a larger file with its size and the limit', () => {
    expect(attachmentProblem({ type: 'image/jpeg', size: 34 * MB })).toEqual({
      code: 'size',
      message: 'This photo is too large (34 MB); the limit is 30 MB.',
      params: { size: 34, max: 30, bytes: 34 * MB, maxBytes: MAX_PICKED_IMAGE_BYTES },
    });
    expect(attachmentProblem({ type: 'image/jpeg', size: MAX_PICKED_IMAGE_BYTES + 1 })?.code).toBe('size');
  });

  it('refuses a file that is not an image, naming its type', () => {
    expect(attachmentProblem({ type: 'application/pdf', size: 10 })).toMatchObject({
      code: 'type',
      params: { type: 'application/pdf' },
    });
    expect(attachmentProblem({ type: '', size: 10 })).toMatchObject({
      code: 'type',
      params: { type: 'unknown' },
    });
  });
});

describe('attachmentProblem for a stored attachment', () => {
  it('takes a JPEG up to 2 MB', () => {
    expect(
      attachmentProblem({ type: 'image/jpeg', size: MAX_ATTACHMENT_BYTES }, { stored: true }),
    ).toBeNull();
  });

  it('refuses other types, even images', () => {
    expect(attachmentProblem({ type: 'image/png', size: 10 }, { stored: true })).toMatchObject({
      code: 'type',
      params: { type: 'image/png' },
    });
  });

  it('refuses more than 2 MB', () => {
    expect(
      attachmentProblem({ type: 'image/jpeg', size: MAX_ATTACHMENT_BYTES + 1 }, { stored: true }),
    ).toMatchObject({
      code: 'size',
      message: 'This photo is too large (3 MB); the limit is 2 MB.',
      params: { max: 2, maxBytes: MAX_ATTACHMENT_BYTES },
    });
  });
});
