// The codes printed on paper: a QR payload names the document, its version and the page, and reads back.
import { describe, expect, it } from 'vitest';
import { documentCode, parseQrPayload, qrPayload } from './print-codes';
import { qrPath } from './qr-code';

describe('print codes', () => {
  it('a QR payload reads back as document, version and page', () => {
    const code = documentCode('PKT', '6C8E9F3A');
    expect(qrPayload(code, 3)).toBe('HOLDFAST|PKT-6C8E9F3A-v1|p3');
    expect(parseQrPayload(qrPayload(code, 3))).toEqual({
      code: 'PKT-6C8E9F3A-v1',
      document: 'PKT-6C8E9F3A',
      version: 1,
      page: 3,
    });
    expect(parseQrPayload(qrPayload(documentCode('ICS214-PAPER', null, 2), 12))).toMatchObject({
      document: 'ICS214-PAPER',
      version: 2,
      page: 12,
    });
    expect(parseQrPayload('https://example.org')).toBeNull();
    expect(parseQrPayload('HOLDFAST|PKT-1|p3')).toBeNull();
  });

  it('draws a QR code with its quiet zone', () => {
    const { size, path } = qrPath('HOLDFAST|PKT-6C8E9F3A-v1|p3');
    expect(size).toBe(29 + 8); // version 3 (29 modules) and four modules of white on each side
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true); // the top-left finder pattern's corner
  });
});
