// The contact import page's messages, with the Contacts area's own (field and phone type names) under them.
import { areaMessages } from '../../../i18n/area-messages';
import type { AreaTranslate } from '../../../i18n/use-t';
import { en as contactsEn } from '../messages.en';
import { es as contactsEs } from '../messages.es';
import { en } from './messages.en';
import { es } from './messages.es';

export const contactsImportMessages = areaMessages({ ...contactsEn, ...en }, { ...contactsEs, ...es });
export type ContactsImportT = AreaTranslate<typeof contactsImportMessages>;
export type ContactsImportKey = Parameters<ContactsImportT>[0];
