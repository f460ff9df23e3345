// The drills planning screens' messages (English and Spanish), for useAreaT(drillsPlanMessages).
import { areaMessages } from '../../../i18n/area-messages';
import type { AreaTranslate } from '../../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const drillsPlanMessages = areaMessages(en, es);
export type DrillsPlanT = AreaTranslate<typeof drillsPlanMessages>;
export type DrillsPlanKey = Parameters<DrillsPlanT>[0];
