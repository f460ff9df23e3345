// The call-down run screens' messages (English and Spanish), for useAreaT(runsMessages).
import { areaMessages } from '../../../i18n/area-messages';
import type { AreaTranslate } from '../../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const runsMessages = areaMessages(en, es);
export type RunsT = AreaTranslate<typeof runsMessages>;
export type RunsKey = Parameters<RunsT>[0];
