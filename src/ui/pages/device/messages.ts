// The device area's messages (English and Spanish), for useAreaT(deviceMessages) in its components.
import { areaMessages } from '../../i18n/area-messages';
import type { AreaTranslate } from '../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const deviceMessages = areaMessages(en, es);
export type DeviceT = AreaTranslate<typeof deviceMessages>;
export type DeviceKey = Parameters<DeviceT>[0];
