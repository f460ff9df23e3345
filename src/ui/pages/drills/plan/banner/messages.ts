// The EXERCISE banner's messages (English and Spanish), for useAreaT(bannerMessages) and for printed pages
// that follow a document's language.
import { areaMessages, translateArea, type AreaKey } from '../../../../i18n/area-messages';
import type { MessageParams } from '../../../../i18n/translate';
import type { AreaTranslate } from '../../../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const bannerMessages = areaMessages(en, es);
export type BannerT = AreaTranslate<typeof bannerMessages>;

/** The banner's words in a given language. */
export function bannerTIn(language: 'en' | 'es'): BannerT {
  const fn = (key: AreaKey<typeof bannerMessages>, params?: MessageParams) =>
    translateArea(bannerMessages, language, key, params);
  return Object.assign(fn, { language });
}
