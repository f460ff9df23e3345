// The sync area's messages (English and Spanish), for useAreaT(syncInboxMessages) in its components.
import { areaMessages } from '../../i18n/area-messages';
import type { AreaTranslate } from '../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const syncInboxMessages = areaMessages(en, es);
export type SyncInboxT = AreaTranslate<typeof syncInboxMessages>;
export type SyncInboxKey = Parameters<SyncInboxT>[0];
