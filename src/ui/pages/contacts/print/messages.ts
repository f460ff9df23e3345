// The Contacts print views' messages with the shared print words, for one useAreaT(contactPrintMessages).
import type { AreaTranslate } from '../../../i18n/use-t';
import { withPrintMessages } from '../../../print/messages';
import { en } from './messages.en';
import { es } from './messages.es';

export const contactPrintMessages = withPrintMessages({ en, es });
export type ContactPrintT = AreaTranslate<typeof contactPrintMessages>;
export type ContactPrintKey = Parameters<ContactPrintT>[0];
