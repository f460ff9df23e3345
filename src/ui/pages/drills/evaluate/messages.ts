// The Drills evaluation screens' messages (English and Spanish), for useAreaT(evaluateMessages).
import { areaMessages } from '../../../i18n/area-messages';
import type { AreaTranslate } from '../../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const evaluateMessages = areaMessages(en, es);
export type EvaluateT = AreaTranslate<typeof evaluateMessages>;
export type EvaluateKey = Parameters<EvaluateT>[0];
