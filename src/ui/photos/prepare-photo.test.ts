import { describe, expect, it } from 'vitest';
import { MAX_PICKED_IMAGE_BYTES } from '../../domain/attachments';
import { fitWithin, preparePhoto } from './prepare-photo';

describe('fitWithin', () => {
  it('scales the longest edge down to 1600 px, keeping the shape', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
  });
  it('never enlarges a small image', () => {
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
  });
});

describe('preparePhoto', () => {
  it('refuses a file over 30 MB before decoding it', async () => {
    const big = { type: 'image/jpeg', size: 31 * 1024 * 1024 } as Blob;
    const result = await preparePhoto(big);
    expect(result).toMatchObject({
      ok: false,
      problem: { code: 'size', stage: 'picked', params: { size: 31, max: 30 } },
    });
    expect(MAX_PICKED_IMAGE_BYTES).toBeLessThan(big.size);
  });
  it('refuses a file that is not an image', async () => {
    const result = await preparePhoto(new Blob(['%PDF'], { type: 'application/pdf' }));
    expect(result).toMatchObject({
      ok: false,
      problem: { code: 'type', params: { type: 'application/pdf' } },
    });
  });
});
