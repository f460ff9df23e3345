// Looks a message up in a catalog and fills in {name} placeholders; plural messages pick a form by count.
// The shell's catalogs load on demand, one per language (loadLanguage), so the first screen carries only
// the user's language; an area's messages come with the area's chunk (area-messages.ts).
import type { Catalog, MessageKey } from './en';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Plural forms follow Intl.PluralRules categories; `other` is always required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type MessageParams = Record<string, string | number>;
/** A catalog as written: plain object of messages. */
export type Messages = Record<string, Message>;
/** Another language's catalog for English messages `E`: the same keys, plural wherever English is. */
export type CatalogOf<E extends Messages> = { [K in keyof E]: E[K] extends string ? string : PluralMessage };

const loaders: Record<Language, () => Promise<Catalog>> = {
  en: () => import('./en').then((m) => m.en),
  es: () => import('./es').then((m) => m.es),
};
const loaded: Partial<Record<Language, Catalog>> = {};

/** Fetches the shell's catalog for a language (once); the app switches language only after this. */
export async function loadLanguage(language: Language): Promise<void> {
  loaded[language] ??= await loaders[language]();
}

export function isLanguageLoaded(language: Language): boolean {
  return loaded[language] !== undefined;
}

// Unit tests call translate() without booting the app: they get English up front. (Removed from builds.)
if (import.meta.env.MODE === 'test') await loadLanguage('en');

const pluralRules = new Map<Language, Intl.PluralRules>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

function cached<T>(map: Map<Language, T>, language: Language, make: () => T): T {
  let value = map.get(language);
  if (!value) map.set(language, (value = make()));
  return value;
}

/** Fills in a message; a message that is missing (a catalog not loaded: a bug) shows its key. */
export function formatMessage(
  language: Language,
  message: Message | undefined,
  key: string,
  params?: MessageParams,
): string {
  let text: string;
  if (message === undefined) {
    text = key;
  } else if (typeof message === 'string') {
    text = message;
  } else {
    const count = Number(params?.count ?? 0);
    const rule = cached(pluralRules, language, () => new Intl.PluralRules(language)).select(count);
    text = message[rule] ?? message.other;
  }
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    if (typeof value === 'number') {
      return cached(numberFormats, language, () => new Intl.NumberFormat(language)).format(value);
    }
    return value;
  });
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  return formatMessage(language, loaded[language]?.[key], key, params);
}
