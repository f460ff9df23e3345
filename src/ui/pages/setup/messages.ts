// The setup area's messages (English and Spanish), for useAreaT(setupMessages) in its components.
import { areaMessages } from '../../i18n/area-messages';
import type { AreaTranslate } from '../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const setupMessages = areaMessages(en, es);
export type SetupT = AreaTranslate<typeof setupMessages>;
export type SetupKey = Parameters<SetupT>[0];
