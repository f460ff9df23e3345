// The Permits print views' messages with the shared print words, for useAreaT(permitPrintMessages).
import type { AreaTranslate } from '../../../i18n/use-t';
import { withPrintMessages } from '../../../print/messages';
import { en } from './messages.en';
import { es } from './messages.es';

export const permitPrintMessages = withPrintMessages({ en, es });
export type PermitPrintT = AreaTranslate<typeof permitPrintMessages>;
export type PermitPrintKey = Parameters<PermitPrintT>[0];
