// Contacts as vCard 3.0 (RFC 2426), the version phones, mail programs and spreadsheets all read: one .vcf
// holding every card. Pure: the page reads the contacts and saves the text as a file.
import type { JsonObject } from '../sync/json-value';

const TEL_TYPES: Record<string, string> = { mobile: 'CELL', work: 'WORK', home: 'HOME', other: 'VOICE' };

/** Escapes a text value: backslash, comma, semicolon and line breaks (RFC 2426 section 4). */
export const escapeVCardText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/([,;])/g, '\\$1')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Folds a content line at 75 octets of UTF-8, never inside a character; continuation lines start with a space. */
export function foldVCardLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // a continuation line's leading space counts
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** "Ana María Ruiz" → family "Ruiz", given "Ana María": the last word is taken as the family name. */
function nameParts(name: string): [family: string, given: string] {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [name, ''];
  return [words[words.length - 1]!, words.slice(0, -1).join(' ')];
}

/** One contact's card (CRLF line ends, folded). `id` becomes the card's UID. */
export function contactVCard(contact: { id: string; fields: JsonObject }): string {
  const f = contact.fields;
  const name = text(f.name);
  const [family, given] = nameParts(name);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:urn:uuid:${contact.id}`,
    `FN:${escapeVCardText(name)}`,
    `N:${escapeVCardText(family)};${escapeVCardText(given)};;;`,
  ];
  if (text(f.title)) lines.push(`TITLE:${escapeVCardText(text(f.title))}`);
  if (text(f.position)) lines.push(`ROLE:${escapeVCardText(text(f.position))}`);
  if (text(f.department)) lines.push(`ORG:;${escapeVCardText(text(f.department))}`);
  const phones = Array.isArray(f.phones) ? f.phones : [];
  for (const phone of phones) {
    if (!phone || typeof phone !== 'object' || Array.isArray(phone) || typeof phone.number !== 'string')
      continue;
    const types = [TEL_TYPES[String(phone.label)] ?? 'VOICE', ...(phone.primary === true ? ['PREF'] : [])];
    lines.push(`TEL;TYPE=${types.join(',')}:${phone.number}`);
  }
  if (text(f.email)) lines.push(`EMAIL;TYPE=INTERNET:${escapeVCardText(text(f.email))}`);
  if (text(f.radio)) lines.push(`X-HOLDFAST-RADIO:${escapeVCardText(text(f.radio))}`);
  if (text(f.preferredMethod)) lines.push(`X-HOLDFAST-PREFERRED:${escapeVCardText(text(f.preferredMethod))}`);
  const languages = Array.isArray(f.languages) ? f.languages.filter((l) => typeof l === 'string') : [];
  if (languages.length > 0) lines.push(`X-HOLDFAST-LANGUAGES:${languages.map(escapeVCardText).join(',')}`);
  if (text(f.accessibility)) lines.push(`X-HOLDFAST-ACCESSIBILITY:${escapeVCardText(text(f.accessibility))}`);
  if (text(f.lastVerified)) lines.push(`X-HOLDFAST-VERIFIED:${text(f.lastVerified)}`);
  if (text(f.notes)) lines.push(`NOTE:${escapeVCardText(text(f.notes))}`);
  lines.push('END:VCARD');
  return lines.map(foldVCardLine).join('\r\n') + '\r\n';
}

/** Every contact's card, one after the other, as the text of one .vcf file. */
export const contactsVCard = (contacts: readonly { id: string; fields: JsonObject }[]): string =>
  contacts.map(contactVCard).join('');

/** "contacts-2026-03-02.vcf". */
export const vcardFileName = (today: string): string => `contacts-${today}.vcf`;
