// The Permits area's messages (English and Spanish), for useAreaT(permitsMessages) in its components.
import { areaMessages } from '../../i18n/area-messages';
import type { AreaTranslate } from '../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const permitsMessages = areaMessages(en, es);
export type PermitsT = AreaTranslate<typeof permitsMessages>;
export type PermitsKey = Parameters<PermitsT>[0];
