// Phone numbers as people type them and as the Contacts screens show them. Stored in E.164
// ("+18025550134"); parsed and formatted with libphonenumber-js, imported only from the Contacts pages so
// its metadata stays in their chunk and never reaches the first screen.
//
// The library's numbering rules are shipped only for the calling codes of RULE_CALLING_CODES
// (phone-metadata.ts, a slice of the library's own metadata kept equal to it by phone-format.test.ts):
// all of them would add ~75 KiB to the precache for numbers a city's contact list seldom holds. A number of
// any other country is still accepted when typed with its calling code ("+44 20 7183 8750"), checked only
// for its shape (a calling code that exists, then digits, E.164's length), stored in E.164 like any other
// and shown as "+44 2071838750".
import { Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core/es6';
import { isE164 } from '../../../domain/contacts/contact-kinds';
import { callingCodes, metadata } from './phone-metadata';

/**
 * The deployment's country: a number typed without "+" and a country code is read as a number of this
 * country. Holdfast's deployments are US local governments, so this is 'US' (calling code 1).
 */
export const DEFAULT_COUNTRY: CountryCode = 'US';
export const DEFAULT_CALLING_CODES: readonly string[] = ['1'];

/**
 * The calling codes whose numbering rules ship with the app, so their numbers are validated and formatted
 * in full: the deployment's own (1: the US, Canada and the Caribbean) and Mexico's (52). Changing this list
 * means regenerating phone-metadata.ts (`npx vitest run --project unit src/ui/pages/contacts/phone-format -u`).
 */
export const RULE_CALLING_CODES: readonly string[] = ['1', '52'];

/** Every calling code in use (ITU), for numbers of countries whose rules are not shipped. */
const CALLING_CODES = new Set(callingCodes);
const RULES_FOR = new Set(RULE_CALLING_CODES);

/** How the deployment's country dials out: "011" in the US. */
const dialOut = (() => {
  const plan = new Metadata(metadata);
  plan.selectNumberingPlan(DEFAULT_COUNTRY);
  return new RegExp(`^(?:${plan.numberingPlan!.IDDPrefix()})`);
})();

export type ParsedPhone = { ok: true; e164: string } | { ok: false; reason: 'empty' | 'invalid' };

/** The calling code a string of digits starts with (calling codes are prefix-free: at most one matches). */
function callingCodeOf(digits: string): string | undefined {
  for (const length of [1, 2, 3]) {
    const code = digits.slice(0, length);
    if (CALLING_CODES.has(code)) return code;
  }
  return undefined;
}

/**
 * A number of a country whose rules are not shipped, typed internationally: "+", a calling code in use,
 * and at least four more digits, spaces, dots, dashes and brackets allowed between them.
 */
function otherCountry(typed: string): string | undefined {
  if (!typed.startsWith('+')) return undefined;
  const digits = typed.slice(1).replace(/[\s().-]/g, '');
  const e164 = `+${digits}`;
  const code = callingCodeOf(digits);
  if (!isE164(e164) || !code || RULES_FOR.has(code) || digits.length - code.length < 4) return undefined;
  return e164;
}

/** What was typed ("(802) 555-0134", "802.555.0134", "+44 20 7183 8750", "0044 …") as E.164. */
export function parsePhone(input: string): ParsedPhone {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'empty' };
  // "00" is how much of the world dials out; read it as "+".
  const typed = text.startsWith('00') ? `+${text.slice(2)}` : text;
  const number = parsePhoneNumberFromString(typed, DEFAULT_COUNTRY, metadata);
  if (number?.isValid()) return { ok: true, e164: number.number };
  // The library knows the deployment country's way of dialling out ("011") only for shipped calling codes.
  const other = otherCountry(typed.replace(dialOut, '+'));
  return other ? { ok: true, e164: other } : { ok: false, reason: 'invalid' };
}

/**
 * A stored number for reading: "+1 802 555 0134"; one of a country whose rules are not shipped with its
 * calling code set apart, "+44 2071838750". Anything else is shown as stored.
 */
export function formatPhone(e164: string): string {
  const number = parsePhoneNumberFromString(e164, metadata);
  if (number) return number.formatInternational();
  const code = isE164(e164) ? callingCodeOf(e164.slice(1)) : undefined;
  return code ? `+${code} ${e164.slice(1 + code.length)}` : e164;
}

/** The `tel:` link of a stored number. */
export const telHref = (e164: string): string => `tel:${e164}`;
