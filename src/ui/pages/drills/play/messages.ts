// The messages of running an exercise (controller console, player view, simulated outage), for
// useAreaT(playMessages).
import { areaMessages } from '../../../i18n/area-messages';
import type { AreaTranslate } from '../../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const playMessages = areaMessages(en, es);
export type PlayT = AreaTranslate<typeof playMessages>;
