// The photo field's and viewer's messages (English and Spanish), for useAreaT(photoMessages).
import { areaMessages } from '../i18n/area-messages';
import type { AreaTranslate } from '../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const photoMessages = areaMessages(en, es);
export type PhotoT = AreaTranslate<typeof photoMessages>;
