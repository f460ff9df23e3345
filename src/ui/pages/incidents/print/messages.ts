// The Incidents print views' messages: their own, the area's shared value names (EXERCISE, priorities)
// and the shared print words, for one useAreaT(incidentPrintMessages).
import type { AreaTranslate } from '../../../i18n/use-t';
import { withPrintMessages } from '../../../print/messages';
import { en as labelsEn } from '../labels.en';
import { es as labelsEs } from '../labels.es';
import { en } from './messages.en';
import { es } from './messages.es';

export const incidentPrintMessages = withPrintMessages({
  en: { ...labelsEn, ...en },
  es: { ...labelsEs, ...es },
});
export type IncidentPrintT = AreaTranslate<typeof incidentPrintMessages>;
export type IncidentPrintKey = Parameters<IncidentPrintT>[0];
