import { describe, expect, it } from 'vitest';
import { contactVCard, contactsVCard, escapeVCardText, foldVCardLine, vcardFileName } from './vcard';

const ID = '0190a000-0000-7000-8000-000000000001';

describe('vCard export', () => {
  it('writes a 3.0 card with name parts, role, phones by label and primary, and Holdfast fields', () => {
    const card = contactVCard({
      id: ID,
      fields: {
        name: 'Ana María Ruiz',
        title: 'Director',
        position: 'Public Works Director',
        department: 'Public Works',
        phones: [
          { label: 'work', number: '+18025550199' },
          { label: 'mobile', number: '+18025550134', primary: true },
        ],
        email: 'ana@example.org',
        radio: 'PW-1',
        preferredMethod: 'text',
        languages: ['English', 'Spanish'],
        lastVerified: '2026-01-15',
        notes: 'Keys; gate code\n4411',
      },
    });
    expect(card.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      `UID:urn:uuid:${ID}`,
      'FN:Ana María Ruiz',
      'N:Ruiz;Ana María;;;',
      'TITLE:Director',
      'ROLE:Public Works Director',
      'ORG:;Public Works',
      'TEL;TYPE=WORK:+18025550199',
      'TEL;TYPE=CELL,PREF:+18025550134',
      'EMAIL;TYPE=INTERNET:ana@example.org',
      'X-HOLDFAST-RADIO:PW-1',
      'X-HOLDFAST-PREFERRED:text',
      'X-HOLDFAST-LANGUAGES:English,Spanish',
      'X-HOLDFAST-VERIFIED:2026-01-15',
      'NOTE:Keys\\; gate code\\n4411',
      'END:VCARD',
      '',
    ]);
  });

  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    expect(escapeVCardText('a\\b,c;d\r\ne')).toBe('a\\\\b\\,c\\;d\\ne');
    const line = `NOTE:${'ñ'.repeat(60)}`;
    const folded = foldVCardLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldVCardLine('FN:Ana')).toBe('FN:Ana');
  });

  it('puts every contact in one file, a one-word name as the family name', () => {
    const text = contactsVCard([
      { id: ID, fields: { name: 'Ana Ruiz' } },
      { id: ID.replace(/1$/, '2'), fields: { name: 'Dispatch' } },
    ]);
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(text).toContain('N:Dispatch;;;;\r\n');
    expect(vcardFileName('2026-03-02')).toBe('contacts-2026-03-02.vcf');
  });
});
