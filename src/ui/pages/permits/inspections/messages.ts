// The inspections' messages (English and Spanish), for useAreaT(inspectionMessages) in its components.
import { areaMessages } from '../../../i18n/area-messages';
import type { AreaTranslate } from '../../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const inspectionMessages = areaMessages(en, es);
export type InspectionT = AreaTranslate<typeof inspectionMessages>;
export type InspectionKey = Parameters<InspectionT>[0];
