// The print layout's messages (English and Spanish), merged into an area's catalog by printArea().
import { areaMessages } from '../i18n/area-messages';
import type { CatalogOf, Messages } from '../i18n/translate';
import type { AreaTranslate } from '../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const printMessages = areaMessages(en, es);
export type PrintT = AreaTranslate<typeof printMessages>;

/** An area's print messages together with the shared print words, for one useAreaT() in its views. */
export function withPrintMessages<E extends Messages>(own: { en: E; es: CatalogOf<E> }) {
  return areaMessages({ ...en, ...own.en }, { ...es, ...own.es });
}
