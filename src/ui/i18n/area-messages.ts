// An area's own messages (a lazy route chunk: notes, admin, …): a module pair messages.en.ts /
// messages.es.ts next to its pages, bundled with its chunk, looked up before the shell's catalog.
import type { MessageKey } from './en';
import {
  formatMessage,
  translate,
  type CatalogOf,
  type Language,
  type MessageParams,
  type Messages,
} from './translate';

export interface AreaMessages<E extends Messages = Messages> {
  readonly en: E;
  readonly es: CatalogOf<E>;
}

/** Pairs an area's catalogs; a Spanish catalog missing a key (or with a string for a plural) is a type error. */
export function areaMessages<E extends Messages>(en: E, es: CatalogOf<E>): AreaMessages<E> {
  return { en, es };
}

/** The keys an area's t() accepts: its own and the shell's. */
export type AreaKey<A extends AreaMessages> = MessageKey | Extract<keyof A['en'], string>;

export function translateArea<A extends AreaMessages>(
  area: A,
  language: Language,
  key: AreaKey<A>,
  params?: MessageParams,
): string {
  const own = (area[language] as Messages)[key];
  return own === undefined
    ? translate(language, key as MessageKey, params)
    : formatMessage(language, own, key, params);
}
