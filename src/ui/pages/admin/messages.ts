// The admin area's messages (English and Spanish), for useAreaT(adminMessages) in its components.
import { areaMessages } from '../../i18n/area-messages';
import type { AreaTranslate } from '../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const adminMessages = areaMessages(en, es);
export type AdminT = AreaTranslate<typeof adminMessages>;
export type AdminKey = Parameters<AdminT>[0];
