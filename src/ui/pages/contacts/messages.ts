// The contact screens' messages (English and Spanish), for useAreaT(contactsMessages) in their components.
import { areaMessages } from '../../i18n/area-messages';
import type { AreaTranslate } from '../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const contactsMessages = areaMessages(en, es);
export type ContactsT = AreaTranslate<typeof contactsMessages>;
export type ContactsKey = Parameters<ContactsT>[0];
