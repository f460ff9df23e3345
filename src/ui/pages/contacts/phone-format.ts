// Phone numbers as people type them and as the Contacts screens show them. Stored in E.164
// ("+18025550134"); parsed and formatted with libphonenumber-js, imported only from the Contacts pages so
// its metadata stays in their chunk and never reaches the first screen.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/**
 * The deployment's country: a number typed without "+" and a country code is read as a number of this
 * country. Holdfast's deployments are US local governments, so this is 'US' (calling code 1).
 */
export const DEFAULT_COUNTRY: CountryCode = 'US';
export const DEFAULT_CALLING_CODES: readonly string[] = ['1'];

export type ParsedPhone = { ok: true; e164: string } | { ok: false; reason: 'empty' | 'invalid' };

/** What was typed ("(802) 555-0134", "802.555.0134", "+44 20 7183 8750", "0044 …") as E.164. */
export function parsePhone(input: string, country: CountryCode = DEFAULT_COUNTRY): ParsedPhone {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'empty' };
  // "00" is how much of the world dials out; read it as "+".
  const typed = text.startsWith('00') ? `+${text.slice(2)}` : text;
  const number = parsePhoneNumberFromString(typed, country);
  if (!number || !number.isValid()) return { ok: false, reason: 'invalid' };
  return { ok: true, e164: number.number };
}

/** A stored number for reading: "+1 802 555 0134". Anything that does not parse is shown as stored. */
export function formatPhone(e164: string): string {
  const number = parsePhoneNumberFromString(e164);
  return number ? number.formatInternational() : e164;
}

/** The `tel:` link of a stored number. */
export const telHref = (e164: string): string => `tel:${e164}`;
