// The incident screens' messages (English and Spanish) with the area's shared value names merged in, for
// useAreaT(incidentsMessages) in the board, the new-incident form, the incident page and ICS 213 screens.
import type { AreaTranslate } from '../../i18n/use-t';
import { withIncidentLabels } from './labels';
import { en } from './messages.en';
import { es } from './messages.es';

export const incidentsMessages = withIncidentLabels(en, es);
export type IncidentsT = AreaTranslate<typeof incidentsMessages>;
export type IncidentsKey = Parameters<IncidentsT>[0];
