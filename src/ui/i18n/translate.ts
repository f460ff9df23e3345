// Looks a message up in a catalog and fills in {name} placeholders; plural messages pick a form by count.
import { en, type Catalog, type MessageKey } from './en';
import { es } from './es';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Plural forms follow Intl.PluralRules categories; `other` is always required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type MessageParams = Record<string, string | number>;

export const catalogs: Record<Language, Catalog> = { en, es };

const pluralRules = new Map<Language, Intl.PluralRules>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

function cached<T>(map: Map<Language, T>, language: Language, make: () => T): T {
  let value = map.get(language);
  if (!value) map.set(language, (value = make()));
  return value;
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const message: Message = catalogs[language][key];
  let text: string;
  if (typeof message === 'string') {
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
